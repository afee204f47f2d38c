import Foundation
import SpotlightCore

/// Every failure of the broker client as one line the user can act on (issue 13). Pure
/// functions of the failure and of facts gathered beforehand (`SocketFileFacts`), so each
/// wording is tested without making the failure happen.
enum BrokerClientWording {
    /// What `stat` says about the socket path, for the permission and refusal messages.
    struct SocketFileFacts: Equatable {
        var isSocket: Bool
        var mode: UInt32
        var owner: String
        var group: String
        var groupID: UInt32
    }

    /// `stat` of the socket path: what it found, or the errno it failed with.
    enum SocketLookup: Equatable {
        case found(SocketFileFacts)
        case failed(errno: Int32)
    }

    /// Failed to connect: nothing was sent.
    static func connectFailure(
        path: String, errno error: Int32, facts: SocketLookup?, callerGroups: Set<UInt32>
    ) -> SpotlightError {
        switch error {
        case ENOENT, ENOTDIR:
            return .runtime("no broker is listening on \(path) (is `spotlight serve` running?)")
        case ECONNREFUSED:
            if case .found(let facts) = facts, !facts.isSocket {
                return .runtime("\(path) is not a broker's socket (it is not a socket at all; check --board)")
            }
            return .runtime("no broker is listening on \(path): the connection was refused, the socket is left from a broker that stopped (is `spotlight serve` running?)")
        case EACCES, EPERM:
            switch facts {
            case .found(let facts) where !callerGroups.contains(facts.groupID):
                return .permission("permission denied connecting to the broker at \(path): you are not in group \(facts.group) (ask an administrator to add you, then log in again)")
            case .found(let facts):
                return .permission("permission denied connecting to the broker at \(path): the socket is mode \(String(facts.mode & 0o7777, radix: 8)), owner \(facts.owner), group \(facts.group) (ask an administrator to give the group write access)")
            case .failed(errno: EACCES):
                return .permission("permission denied reaching the broker's socket \(path): a directory on the way is closed to you (ask an administrator)")
            default:
                return .permission("permission denied connecting to the broker at \(path) (ask an administrator)")
            }
        default:
            return .runtime("cannot connect to the broker at \(path): \(String(cString: strerror(error)))")
        }
    }

    /// Any other failure of one request. `mayHaveArrived`: some of the request was sent, so a
    /// write may or may not have been recorded, and the request is never sent again.
    static func requestFailure(path: String, failure: SocketFailure, method: String, timeout: Duration, mayHaveArrived: Bool) -> SpotlightError {
        let maybeRecorded = mayHaveArrived && !["GET", "HEAD"].contains(method)
            ? "; the write may or may not have been recorded, check before trying again" : ""
        switch failure {
        case .connect, .pathTooLong:
            return .runtime("cannot connect to the broker at \(path)")
        case .timedOut(connected: false):
            return .runtime("the broker at \(path) did not accept the connection within \(seconds(timeout)) (too busy?)")
        case .timedOut(connected: true):
            return .runtime("the broker at \(path) did not answer within \(seconds(timeout))\(maybeRecorded)")
        case .closedByPeer:
            return .runtime("the broker at \(path) closed the connection before answering (did `spotlight serve` stop?)\(maybeRecorded)")
        case .io(_, let error) where error == ECONNRESET || error == EPIPE:
            return .runtime("the broker at \(path) reset the connection (did `spotlight serve` stop?)\(maybeRecorded)")
        case .io(let operation, let error):
            return .runtime("talking to the broker at \(path) failed (\(operation): \(String(cString: strerror(error))))\(maybeRecorded)")
        case .cancelled:
            return .runtime("the request to the broker at \(path) was cancelled\(maybeRecorded)")
        case .responseTooLarge(let limit):
            return .runtime("the broker at \(path) sent a response larger than \(bytes(limit)); refused")
        case .malformed(let what):
            return .runtime("the broker at \(path) sent a response that is not HTTP/1.1 (\(what))\(maybeRecorded)")
        case .badRequest(let what):
            return .usage("cannot send this request to the broker at \(path): \(what)")
        }
    }

    static func pathTooLong(_ path: String) -> SpotlightError {
        .usage("the broker's socket path \(path) is too long (a Unix socket path has at most 107 bytes)")
    }

    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int(duration.wholeNanoseconds / 1_000_000)
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }

    static func bytes(_ count: Int) -> String {
        count >= 1 << 20 && count % (1 << 20) == 0 ? "\(count >> 20) MiB" : "\(count) bytes"
    }

    // MARK: - Facts from the system

    /// `stat` of the socket path with owner and group named from the user database.
    static func socketFacts(path: String) -> SocketLookup {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failed(errno: errno) }
        return .found(SocketFileFacts(
            isSocket: info.st_mode & S_IFMT == S_IFSOCK,
            mode: info.st_mode,
            owner: userName(info.st_uid),
            group: groupName(info.st_gid),
            groupID: info.st_gid
        ))
    }

    /// The effective group and the supplementary groups of this process (of this thread, in
    /// the one test that changes a thread's credentials).
    static func callerGroups() -> Set<UInt32> {
        var groups = Set([getegid()])
        let count = getgroups(0, nil)
        if count > 0 {
            var list = [gid_t](repeating: 0, count: Int(count))
            let filled = getgroups(count, &list)
            if filled > 0 { groups.formUnion(list.prefix(Int(filled))) }
        }
        return groups
    }

    private static func groupName(_ gid: gid_t) -> String {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name else {
            return "\(gid)"
        }
        return String(cString: name)
    }

    private static func userName(_ uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return "\(uid)"
        }
        return String(cString: name)
    }
}
