#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOCore

/// Who is on the other end of a Unix socket, as the kernel recorded it at `connect`
/// (`SO_PEERCRED`). The client cannot state or change it: it is the broker's only source of
/// identity (issue 13), like PostgreSQL's peer authentication and D-Bus.
struct PeerCredentials: Sendable, Equatable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// Linux's `struct ucred` (`pid_t`, `uid_t`, `gid_t`), spelt out because Glibc only
    /// declares it under `_GNU_SOURCE`. Read through NIO's typed getsockopt.
    private struct KernelUcred {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The credentials of `channel`'s peer; fails when the channel is not a Unix socket.
    static func of(_ channel: Channel) -> EventLoopFuture<PeerCredentials> {
        guard let provider = channel as? SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        let future: EventLoopFuture<KernelUcred> = provider.unsafeGetSocketOption(
            level: .socket, name: NIOBSDSocket.Option(rawValue: SO_PEERCRED))
        return future.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }
    }
}
