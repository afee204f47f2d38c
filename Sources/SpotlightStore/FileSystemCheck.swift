import Foundation
import SpotlightCore

/// What kind of filesystem a board lives on. SQLite's write-ahead log keeps its index and
/// locks in a shared-memory file (`-shm`) that every process maps; that only works when all
/// of them run on one host, so a board on a network filesystem is refused before it is opened.
public enum FileSystemCheck {
    /// `statfs` f_type magic numbers (linux/magic.h and the filesystems' own headers) of
    /// filesystems that other hosts can write at the same time.
    /// Pairs, not dictionaries: a `[UInt32: String]` checks `UInt32: Hashable` at run time on first
    /// use, a scan of every conformance record (0.4 M instructions a start, issue 17).
    static let networkTypes: [(magic: UInt32, name: String)] = [
        (0x0000_6969, "NFS"),
        (0x0000_517B, "SMB"),
        (0xFF53_4D42, "CIFS"),
        (0xFE53_4D42, "SMB2"),
        (0x0000_564C, "NCP"),
        (0x5346_414F, "AFS"),
        (0x6B41_4653, "AFS"),
        (0x7375_7245, "Coda"),
        (0x00C3_6400, "Ceph"),
    ]

    /// Names of common local filesystems, only for `spotlight doctor` to print.
    static let localNames: [(magic: UInt32, name: String)] = [
        (0x0000_EF53, "ext4"), (0x0102_1994, "tmpfs"), (0x5846_5342, "xfs"), (0x9123_683E, "btrfs"),
        (0x794C_7630, "overlay"), (0x2FC1_2FC1, "zfs"), (0xF2F5_2010, "f2fs"), (0x0000_4D44, "vfat"),
        (0x5346_544E, "ntfs"), (0x6573_5546, "fuse"), (0x0102_1997, "9p"), (0x6A65_6A63, "virtiofs"),
    ]

    public enum Kind: Equatable, Sendable {
        case local(name: String)
        case network(name: String)
        /// `statfs` failed (e.g. the directory does not exist yet); nothing is known.
        case unknown
    }

    public static func kind(ofMagic magic: UInt32) -> Kind {
        if let network = networkTypes.first(where: { $0.magic == magic }) { return .network(name: network.name) }
        return .local(name: localNames.first { $0.magic == magic }?.name ?? "type 0x" + String(magic, radix: 16))
    }

    /// The f_type of the filesystem holding `path` (symbolic links followed), or nil.
    /// `statfs(2)` is not in Swift's Glibc module, so it is looked up in the C library; its
    /// result starts with `f_type` (a `long`) on every Linux architecture.
    public static func magic(of path: String) -> UInt32? {
        typealias StatfsFunction = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "statfs") else { return nil }
        let statfs = unsafeBitCast(symbol, to: StatfsFunction.self)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)  // struct statfs is 120 bytes
        defer { buffer.deallocate() }
        guard statfs(path, buffer) == 0 else { return nil }
        return UInt32(truncatingIfNeeded: buffer.load(as: Int.self))
    }

    /// The filesystem the board's data lives on: the file itself when it exists (a symbolic
    /// link may lead elsewhere), else the nearest existing directory it would be created in.
    public static func kind(ofBoard path: String, magic: (String) -> UInt32? = FileSystemCheck.magic(of:)) -> Kind {
        var candidate = path
        while true {
            if let value = magic(candidate.isEmpty ? "." : candidate) { return kind(ofMagic: value) }
            let up = (candidate as NSString).deletingLastPathComponent
            if up == candidate || candidate.isEmpty { return .unknown }
            candidate = up
        }
    }

    /// Throws the refusal when the board is on a network filesystem; called by `BoardStore.open`
    /// before SQLite sees the file, so nothing is written there.
    public static func requireLocal(board path: String, magic: (String) -> UInt32? = FileSystemCheck.magic(of:)) throws(SpotlightError) {
        if case .network(let name) = kind(ofBoard: path, magic: magic) {
            throw networkRefusal(path: path, fileSystem: name)
        }
    }

    static func networkRefusal(path: String, fileSystem: String) -> SpotlightError {
        .runtime("the board \(path) is on a network filesystem (\(fileSystem)); refusing to open it: SQLite's write-ahead log "
                 + "shares its locks through memory that works only when every process using the board runs on one host, "
                 + "so a board on \(fileSystem) can be corrupted. Keep it on a local disk of the host people log into "
                 + "(e.g. /var/lib/spotlight/board.sqlite) and let them reach it over ssh; to move it, stop every spotlight "
                 + "process and copy board.sqlite (and any board.sqlite-wal) to the local disk")
    }
}

/// The permission checks of `spotlight doctor` for a board shared through a Unix group
/// (README, "For admins"): the directory group-writable and setgid so SQLite's `-wal` and
/// `-shm` files get the board's group, the file group-writable, those two files with the
/// right group and mode, and the account in the group. Each finding says how to fix it.
public struct SharedBoardCheck: Sendable {
    /// One file's owner, group and mode (permission bits with setuid/setgid/sticky).
    public struct Facts: Equatable, Sendable {
        public var uid: uid_t
        public var gid: gid_t
        public var mode: mode_t
        /// Where the path leads when it is itself a symbolic link (then the other facts are the
        /// link's own); nil for anything else.
        public var linkTarget: String?

        public init(uid: uid_t, gid: gid_t, mode: mode_t, linkTarget: String? = nil) {
            self.uid = uid
            self.gid = gid
            self.mode = mode
            self.linkTarget = linkTarget
        }

        /// `stat` of `path` (symbolic links followed); nil when it cannot be read.
        public static func read(_ path: String) -> Facts? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return Facts(uid: info.st_uid, gid: info.st_gid, mode: info.st_mode & 0o7777)
        }

        /// `lstat` of `path`: a symbolic link is described as a link, never as its target, so
        /// no fix is ever written for a file someone else pointed it at.
        public static func readWithoutFollowing(_ path: String) -> Facts? {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            let target = (info.st_mode & S_IFMT) == S_IFLNK
                ? (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?" : nil
            return Facts(uid: info.st_uid, gid: info.st_gid, mode: info.st_mode & 0o7777, linkTarget: target)
        }

        var octal: String {
            let digits = String(mode, radix: 8)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }

    /// Who is asking: the process's own groups (what the kernel checks) and the account's
    /// groups in the group database (which differ until the person logs in again).
    public struct Caller: Sendable {
        public var uid: uid_t
        public var login: String
        public var sessionGroups: Set<gid_t>
        public var accountGroups: Set<gid_t>

        public init(uid: uid_t, login: String, sessionGroups: Set<gid_t>, accountGroups: Set<gid_t>) {
            self.uid = uid
            self.login = login
            self.sessionGroups = sessionGroups
            self.accountGroups = accountGroups
        }

        public static func current() -> Caller {
            let uid = geteuid()
            var session: Set<gid_t> = [getegid()]
            let count = getgroups(0, nil)
            if count > 0 {
                var list = [gid_t](repeating: 0, count: Int(count))
                let got = getgroups(count, &list)
                if got > 0 { session.formUnion(list.prefix(Int(got))) }
            }
            var login = "uid \(uid)"
            var account: Set<gid_t> = session
            if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
                login = String(cString: name)
                var size: Int32 = 64
                var list = [gid_t](repeating: 0, count: Int(size))
                if getgrouplist(name, entry.pointee.pw_gid, &list, &size) == -1 {
                    list = [gid_t](repeating: 0, count: Int(size))
                    _ = getgrouplist(name, entry.pointee.pw_gid, &list, &size)
                }
                account = Set(list.prefix(Int(max(0, size))))
            }
            return Caller(uid: uid, login: login, sessionGroups: session, accountGroups: account)
        }
    }

    /// Names for ids; injected so tests can describe any machine.
    public struct Names: Sendable {
        public var group: @Sendable (gid_t) -> String
        public var user: @Sendable (uid_t) -> String

        public init(group: @escaping @Sendable (gid_t) -> String, user: @escaping @Sendable (uid_t) -> String) {
            self.group = group
            self.user = user
        }

        public static let system = Names(
            group: { gid in getgrgid(gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(gid)" },
            user: { uid in getpwuid(uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "\(uid)" })
    }

    public struct Finding: Equatable, Sendable {
        /// What is wrong and what it breaks.
        public let problem: String
        /// The command (or step) that fixes it.
        public let fix: String
    }

    /// How the board is shared, for one line of `spotlight doctor`.
    public let summary: String
    public let fileSystem: FileSystemCheck.Kind
    public let findings: [Finding]

    /// Checks the board at `path` as it is on this machine, for the current process.
    public static func inspect(board path: String) -> SharedBoardCheck {
        evaluate(board: path, file: Facts.read(path), directory: Facts.read(directoryOf(path)),
                 wal: Facts.readWithoutFollowing(path + "-wal"), shm: Facts.readWithoutFollowing(path + "-shm"),
                 fileSystem: FileSystemCheck.kind(ofBoard: path), caller: .current(), names: .system)
    }

    static func directoryOf(_ path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// The checks as a pure function of what `stat` said, so each wrong permission is testable.
    public static func evaluate(
        board path: String, file: Facts?, directory: Facts?, wal: Facts?, shm: Facts?,
        fileSystem: FileSystemCheck.Kind, caller: Caller, names: Names
    ) -> SharedBoardCheck {
        let directoryPath = directoryOf(path)
        var findings: [Finding] = []
        // Whoever can write the directory can plant these links; SQLite refuses them (it opens
        // both with O_NOFOLLOW), and a chgrp/chmod "fix" would change the file they point to.
        for (suffix, facts) in [("-wal", wal), ("-shm", shm)] {
            guard let target = facts?.linkTarget else { continue }
            findings.append(Finding(
                problem: "\(path)\(suffix) is a symbolic link (to \(target)), not the file SQLite makes there: SQLite refuses to open the board while it exists, and changing its group or mode would change \(target) instead",
                fix: "sudo rm \(path)\(suffix)   (removes only the link; \(target) is not touched)"))
        }
        if case .network(let name) = fileSystem {
            findings.append(Finding(
                problem: "the board is on a network filesystem (\(name)); spotlight refuses to open it there, because SQLite's write-ahead log works only when every process using it runs on one host",
                fix: "move it to a local disk of the host people log into, e.g. /var/lib/spotlight (stop every spotlight process, then copy board.sqlite and any board.sqlite-wal)"))
        }
        guard let directory else {
            return SharedBoardCheck(summary: "the directory \(directoryPath) does not exist", fileSystem: fileSystem, findings: findings)
        }
        let owner = file?.uid ?? directory.uid
        let group = file?.gid ?? directory.gid
        let groupName = names.group(group)
        let ownerName = names.user(owner)
        // Shared: someone else's board, or one whose group (not the owner's own, one-person
        // group) was given write access or setgid.
        let ownGroup = group == 0 || groupName == ownerName
        let shared = owner != caller.uid
            || !ownGroup && ((file.map { $0.mode & 0o020 != 0 } ?? false) || directory.mode & 0o2020 != 0)
        let described = "directory \(names.user(directory.uid)):\(names.group(directory.gid)) \(directory.octal)"
            + (file.map { ", board \(names.user($0.uid)):\(names.group($0.gid)) \($0.octal)" } ?? "")
        guard shared else {
            return SharedBoardCheck(summary: "personal: only \(ownerName) writes it (\(described))", fileSystem: fileSystem, findings: findings)
        }
        let name = (path as NSString).lastPathComponent

        if ownGroup {
            findings.append(Finding(
                problem: "the board belongs to \(ownerName)'s own group \(groupName), so no one else can be let in to post or vote",
                fix: "give it a shared group: sudo groupadd --system spotlight; sudo chgrp spotlight \(directoryPath) \(path); sudo chmod 2775 \(directoryPath); sudo chmod 0664 \(path); then add people with sudo usermod -aG spotlight LOGIN"))
        } else {
            if directory.gid != group {
                findings.append(Finding(
                    problem: "the directory \(directoryPath) belongs to group \(names.group(directory.gid)), not \(groupName): \(name)-wal and -shm would be created with the wrong group",
                    fix: "sudo chgrp \(groupName) \(directoryPath)"))
            }
            if directory.mode & 0o030 != 0o030 {
                findings.append(Finding(
                    problem: "the directory \(directoryPath) is not group-writable (mode \(directory.octal)): members of \(groupName) cannot create \(name)-wal and -shm, so they cannot post or vote",
                    fix: "sudo chmod 2775 \(directoryPath)"))
            }
            if directory.mode & 0o2000 == 0 {
                findings.append(Finding(
                    problem: "the directory \(directoryPath) is not setgid (mode \(directory.octal)): \(name)-wal and -shm get their creator's own group instead of \(groupName), which locks the others out while they exist",
                    fix: "sudo chmod g+s \(directoryPath)"))
            }
            if let file, file.mode & 0o060 != 0o060 {
                findings.append(Finding(
                    problem: "the board \(path) is not group-writable (mode \(file.octal)): members of \(groupName) can only read it",
                    fix: "sudo chmod g+rw \(path)"))
            }
            for (suffix, facts) in [("-wal", wal), ("-shm", shm)] {
                guard let facts, facts.linkTarget == nil else { continue }
                if facts.gid != group {
                    findings.append(Finding(
                        problem: "\(path)\(suffix) belongs to group \(names.group(facts.gid)), not \(groupName): while it exists, other members cannot write the board",
                        fix: "sudo chgrp \(groupName) \(path)\(suffix)   (and make the directory setgid so it does not happen again)"))
                }
                if facts.mode & 0o060 != 0o060 {
                    findings.append(Finding(
                        problem: "\(path)\(suffix) is not group-writable (mode \(facts.octal)): while it exists, other members cannot write the board",
                        fix: "sudo chmod g+rw \(path)\(suffix)"))
                }
            }
        }
        if directory.mode & 0o002 != 0 && directory.mode & 0o1000 == 0 {
            findings.append(Finding(
                problem: "the directory \(directoryPath) is world-writable (mode \(directory.octal)): anyone can delete or replace the board",
                fix: "sudo chmod o-w \(directoryPath)"))
        }
        if let file, file.mode & 0o002 != 0 {
            findings.append(Finding(
                problem: "the board \(path) is world-writable (mode \(file.octal)): anyone can change it, not only members of \(groupName)",
                fix: "sudo chmod o-w \(path)"))
        }
        if let advice = membership(caller: caller, group: group, groupName: groupName) {
            findings.append(advice)
        }
        return SharedBoardCheck(summary: "shared through group \(groupName) (\(described))", fileSystem: fileSystem, findings: findings)
    }

    /// The membership finding, when the caller lacks `group`. `denied` says what that costs them.
    static func membership(caller: Caller, group: gid_t, groupName: String,
                           denied: String = "you can read stories but not post or vote") -> Finding? {
        guard caller.uid != 0, group != 0, !caller.sessionGroups.contains(group) else { return nil }
        if caller.accountGroups.contains(group) {
            return Finding(
                problem: "you (\(caller.login)) were added to the group \(groupName) after this login session started, so this session does not have it yet",
                fix: "log out and back in (or run `newgrp \(groupName)`)")
        }
        return Finding(
            problem: "you (\(caller.login)) are not in the board's group \(groupName): \(denied)",
            fix: "ask an admin to add you: sudo usermod -aG \(groupName) \(caller.login) (then log in again)")
    }

    /// One clause: "problem — fix".
    static func clause(_ finding: Finding) -> String { "\(finding.problem) — \(finding.fix)" }

    /// Why the current account may not write the board, when it is because of the board's
    /// group: one clause to append to a "read-only" message. Nil when the group is not the
    /// reason (or the board is writable).
    public static func writeAdvice(board path: String, caller: Caller = .current(), names: Names = .system) -> String? {
        guard let file = Facts.read(path), let folder = Facts.read(directoryOf(path)) else { return nil }
        return writeAdvice(file: file, directory: folder, caller: caller, names: names)
    }

    static func writeAdvice(file: Facts, directory: Facts, caller: Caller, names: Names) -> String? {
        guard !(canWrite(file, caller) && canWrite(directory, caller)) else { return nil }
        // Only when the group could write both is membership what is missing.
        guard file.mode & 0o020 != 0, directory.mode & 0o030 == 0o030, file.gid == directory.gid else { return nil }
        return membership(caller: caller, group: file.gid, groupName: names.group(file.gid), denied: "it can only be read").map(clause)
    }

    /// The kernel's rule for write permission (directories also need search), for `caller`.
    static func canWrite(_ facts: Facts, _ caller: Caller) -> Bool {
        if caller.uid == 0 { return true }
        let bits: mode_t
        if facts.uid == caller.uid {
            bits = facts.mode >> 6
        } else if caller.sessionGroups.contains(facts.gid) {
            bits = facts.mode >> 3
        } else {
            bits = facts.mode
        }
        return bits & 0o2 != 0
    }

    /// Why the current account may not read the board, when joining its group would let it.
    public static func readAdvice(board path: String, caller: Caller = .current(), names: Names = .system) -> String? {
        guard let file = Facts.read(path), file.mode & 0o040 != 0 else { return nil }
        return membership(caller: caller, group: file.gid, groupName: names.group(file.gid), denied: "only its members may read it").map(clause)
    }

    /// Why a path cannot be reached (`EACCES` on a parent directory), naming the directory and,
    /// when a group would let the account in, the group to join.
    public static func reachAdvice(board path: String, caller: Caller = .current(), names: Names = .system) -> String? {
        var current = ""
        for part in directoryOf(path).split(separator: "/") {
            current += "/" + part
            guard access(current, X_OK) != 0 else { continue }
            guard let facts = Facts.read(current) else { return nil }
            let where_ = "the directory \(current) (\(names.user(facts.uid)):\(names.group(facts.gid)) \(facts.octal)) does not let \(caller.login) in"
            if facts.mode & 0o010 != 0,
               let advice = membership(caller: caller, group: facts.gid, groupName: names.group(facts.gid), denied: "only its members may open it") {
                return where_ + "; " + clause(advice)
            }
            return where_ + "; ask its owner or an admin for access"
        }
        return nil
    }
}
