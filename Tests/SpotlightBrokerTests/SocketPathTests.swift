import Foundation
import SpotlightBroker
import SpotlightCore
import Testing

@Suite("BrokerServer: binding the socket safely")
struct SocketPathTests {
    func server(_ path: String, log: LogRecorder = LogRecorder(), mode: mode_t = 0o660, group: String? = nil) -> BrokerServer {
        var configuration = BrokerServer.Configuration(socketPath: path, log: log.log)
        configuration.mode = mode
        configuration.group = group
        return BrokerServer(application: RecordingApplication(), configuration: configuration)
    }

    @Test("the socket gets its mode and group")
    func modeAndGroup() async throws {
        let directory = try TestBroker.directory()
        let path = directory + "/board.sock"
        let first = server(path, mode: 0o660, group: "daemon")
        try await first.start()
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
        #expect((attributes[.groupOwnerAccountName] as? String) == "daemon")
        #expect((attributes[.type] as? FileAttributeType) == .typeSocket)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["board.sock"])
        await first.stop()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("an unknown group is refused before anything is bound")
    func unknownGroup() async throws {
        let directory = try TestBroker.directory()
        await #expect(throws: SpotlightError.usage("no group named no-such-group-xyz for the socket")) {
            try await server(directory + "/board.sock", group: "no-such-group-xyz").start()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test("a second broker on a live socket is refused; the first keeps serving")
    func liveSocket() async throws {
        try await TestBroker.with { broker in
            await #expect(throws: SpotlightError.runtime("another broker is listening on \(broker.socketPath)")) {
                try await server(broker.socketPath).start()
            }
            let status = try await curl(broker.socketPath, "/v1/x").status
            #expect(status == 200)
        }
    }

    @Test("a stale socket left by a crashed broker is replaced")
    func staleSocket() async throws {
        let directory = try TestBroker.directory()
        let path = directory + "/board.sock"
        // A bound socket nobody listens on: what a killed broker leaves behind.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        #expect(bound == 0)
        let log = LogRecorder()
        let replacement = server(path, log: log)
        try await replacement.start()
        #expect(try await curl(path, "/v1/x").status == 200)
        await replacement.stop()
    }

    @Test("a file, a symbolic link or a directory at the path is refused and left alone", arguments: ["file", "link", "directory"])
    func notASocket(kind: String) async throws {
        let directory = try TestBroker.directory()
        let path = directory + "/board.sock"
        let target = directory + "/precious"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        switch kind {
        case "file": try Data("keep me too".utf8).write(to: URL(fileURLWithPath: path))
        case "link": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        default: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        await #expect(throws: SpotlightError.self) { try await server(path).start() }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int == before)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["board.sock", "precious"])
    }
}
