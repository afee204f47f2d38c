#if PostgreSQLSupport
import Foundation
import SpotlightCore

/// The role's password, read from `--store-password-file` (systemd: `LoadCredential=`) and
/// never from the command line. The file must be a regular file owned by the account running
/// spotlight and readable by nobody else, like ssh's private keys; otherwise it is refused with
/// the `chmod`/`chown` that fixes it. `sslkey` files get the same check (`requirePrivate`).
public enum PostgresSecret {
    /// A password longer than this is not a password file.
    static let maximumSize = 1024

    public static func password(file path: String, owner: uid_t = geteuid()) throws(SpotlightError) -> String {
        try requirePrivate(path, what: "the password file", owner: owner)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .permission("cannot read the password file \(path)")
        }
        guard data.count <= maximumSize else {
            throw .usage("the password file \(path) is \(data.count) bytes; a password file holds one line of at most \(maximumSize) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .usage("the password file \(path) is not UTF-8 text") }
        // "\r\n" is one Character: split at any line end.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard lines.count == 1, let line = lines.first else {
            throw .usage("the password file \(path) must hold exactly one line (the password), found \(lines.count)")
        }
        let password = line
        guard !password.isEmpty else { throw .usage("the password file \(path) holds an empty line, not a password") }
        guard !password.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw .usage("the password file \(path) holds a NUL byte")
        }
        return password
    }

    /// A regular file (not a link), owned by `owner`, with no group or other permission bits.
    public static func requirePrivate(_ path: String, what: String, owner: uid_t = geteuid()) throws(SpotlightError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw .runtime("cannot use \(what) \(path): \(reason)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .permission("\(what) \(path) must be a regular file (not a link, directory or device)")
        }
        guard info.st_uid == owner else {
            throw .permission("\(what) \(path) must belong to the account running spotlight (uid \(owner)), not uid \(info.st_uid): chown it")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw .permission("\(what) \(path) is readable by others (mode \(String(mode, radix: 8))): run `chmod 600 \(path)`")
        }
    }
}
#endif
