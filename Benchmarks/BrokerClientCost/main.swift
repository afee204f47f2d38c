// The client side of Benchmarks/BrokerClientCost/run.sh (built in a scratch package there).
import Foundation
import NIOCore
import NIOPosix

let arguments = CommandLine.arguments
let mode = arguments.count > 1 ? arguments[1] : "hello"
let path = arguments.count > 2 ? arguments[2] : "/tmp/bench.sock"
let body = String(repeating: "x", count: 2000)
let response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
let request = "GET /v1/stories?limit=20 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n"

final class Collector: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    var received = 0
    let done: EventLoopPromise<Int>
    init(done: EventLoopPromise<Int>) { self.done = done }
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += unwrapInboundIn(data).readableBytes
        if received >= response.utf8.count { done.succeed(received) }
    }
    func channelInactive(context: ChannelHandlerContext) { done.fail(ChannelError.eof) }
}

switch mode {
case "hello":
    print("hello")
case "serve":
    unlink(path)
    let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: Array(path.utf8)); raw[path.utf8.count] = 0 }
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
    listen(listener, 64)
    while true {
        let connection = accept(listener, nil, nil)
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            var pending: [UInt8] = []
            while true {
                let count = recv(connection, &buffer, buffer.count, 0)
                if count <= 0 { break }
                pending += buffer.prefix(count)
                while let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) {
                    pending.removeSubrange(..<end.upperBound)
                    _ = response.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                }
            }
            close(connection)
        }
    }
case "posix":
    let transport = try UnixSocketTransport(path: path)
    let result = try await transport.send(BrokerRequest(method: "GET", path: "/v1/stories", query: [.init(name: "limit", value: "20")]))
    await transport.close()
    if result.status != 200 || result.body.count != 2000 { exit(1) }
case "nio":
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let done = group.next().makePromise(of: Int.self)
    let channel = try await ClientBootstrap(group: group)
        .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(done: done)) } }
        .connect(unixDomainSocketPath: path).get()
    try await channel.writeAndFlush(ByteBuffer(string: request)).get()
    let count = try await done.futureResult.get()
    try await channel.close().get()
    try await group.shutdownGracefully()
    if count != response.utf8.count { exit(1) }
case "call":
    // Manual interop: `bench call SOCKET METHOD PATH [BODY]` twice on one transport, prints both answers.
    let transport = try UnixSocketTransport(path: path)
    let method = arguments.count > 3 ? arguments[3] : "GET"
    let target = arguments.count > 4 ? arguments[4] : "/v1/version"
    let sent = arguments.count > 5 ? Array(arguments[5].utf8) : []
    for _ in 0..<2 {
        do {
            let answer = try await transport.send(BrokerRequest(method: method, path: target, query: [.init(name: "q", value: "a b&c")], body: sent, clientTag: "cli-1"))
            print(answer.status, answer.contentType, String(decoding: answer.body, as: UTF8.self))
        } catch {
            print("error:", error.message)
        }
    }
    await transport.close()
case "idle-events":
    // CPU used by a subscribed client while nothing happens, and while the broker is down
    // (retrying every second): getrusage over 5 s each. Run against `serve-events PATH`.
    func cpu() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
    for (label, socket) in [("subscribed to an idle broker", path), ("no broker (retrying each second)", path + ".gone")] {
        let transport = try UnixSocketTransport(path: socket)
        let stream = transport.events(clientTag: "idle")
        let reader = Task { for await _ in stream {} }
        try await Task.sleep(for: .milliseconds(1500)) // past the backoff's first steps
        let start = cpu()
        try await Task.sleep(for: .seconds(5))
        print("\(label), 5 s: \(Int((cpu() - start) * 1e6)) us CPU")
        reader.cancel()
        await transport.close()
    }
case "serve-events":
    unlink(path)
    let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: Array(path.utf8)); raw[path.utf8.count] = 0 }
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
    listen(listener, 64)
    while true {
        let connection = accept(listener, nil, nil)
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"
        _ = head.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }
default:
    print("modes: hello | serve PATH | posix PATH | nio PATH")
}
