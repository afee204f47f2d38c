import Foundation
import SpotlightCore

/// The board directory a broker may serve from: its own and closed to everyone else, so no
/// member can open, replace or lock the file (the point of the broker, issue 13).
enum BrokerDirectory {
    static func check(boardPath: String, owner: Account) throws(SpotlightError) {
        let directory = (boardPath as NSString).deletingLastPathComponent
        var info = stat()
        guard lstat(directory, &info) == 0 else {
            throw .notFound("the board's directory \(directory) does not exist: create it as \(owner.login) with mode 0700 (systemd's StateDirectory= does)")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .permission("\(directory) is not a directory (a symbolic link?): the broker serves only from a real directory of its own")
        }
        guard info.st_uid == geteuid() else {
            throw .permission("\(directory) belongs to uid \(info.st_uid), not to \(owner.login): the broker's directory must be its own (chown \(owner.login) \(directory))")
        }
        guard info.st_mode & 0o077 == 0 else {
            let mode = String(info.st_mode & 0o7777, radix: 8)
            throw .permission("\(directory) has mode \(mode): members could reach the board file behind the broker's back; run chmod 700 \(directory)")
        }
    }
}
