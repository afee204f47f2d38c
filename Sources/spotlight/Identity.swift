import Foundation
import SpotlightCore

/// Who is running this process, from the OS account database. Deliberately has no override:
/// `$USER`, `$LOGNAME` and flags are ignored so nobody can vote or pin as someone else (DESIGN §9).
enum Identity {
    static func current() throws(SpotlightError) -> Account {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else {
            throw .runtime("cannot find your account (uid \(geteuid())) in the system's user database")
        }
        let login = String(cString: name)
        let gecos = entry.pointee.pw_gecos.map { String(cString: $0) }
        return Account(login: login, displayName: gecos)
    }
}
