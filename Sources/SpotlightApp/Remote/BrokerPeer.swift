import Foundation
import SpotlightCore

/// Who is on the other end of a broker connection, as the kernel says (`SO_PEERCRED`) and the
/// broker's own user database resolves it (`getpwuid`). Nothing the client sends changes it.
public struct BrokerPeer: Sendable, Hashable {
    public var uid: UInt32
    public var gid: UInt32
    public var pid: Int32
    public var account: Account

    public init(uid: UInt32, gid: UInt32, pid: Int32, account: Account) {
        self.uid = uid
        self.gid = gid
        self.pid = pid
        self.account = account
    }
}

/// The OS account database: the only source of identity, for this process (`current`) and
/// for a broker's peers (`account(uid:)`). Deliberately has no override: `$USER`, `$LOGNAME`
/// and flags are ignored so nobody can vote or pin as someone else (DESIGN §9).
public enum PasswdAccount {
    /// The account of uid `uid`; an error naming the uid when the database has none.
    public static func account(uid: UInt32) throws(SpotlightError) -> Account {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getpwuid_r(uid, &entry, &buffer, buffer.count, &result)
        guard status == 0, result != nil, let name = entry.pw_name else {
            throw .runtime("cannot find the account of uid \(uid) in the system's user database")
        }
        let login = String(cString: name)
        let gecos = entry.pw_gecos.map { String(cString: $0) }
        return Account(login: login, displayName: gecos)
    }

    /// Who is running this process (the effective uid).
    public static func current() throws(SpotlightError) -> Account {
        do {
            return try account(uid: geteuid())
        } catch {
            throw .runtime("cannot find your account (uid \(geteuid())) in the system's user database")
        }
    }
}
