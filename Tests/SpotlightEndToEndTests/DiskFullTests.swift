import Foundation
import Testing

/// A full disk while posting, on a real 1 MiB tmpfs: a clear error (exit 1, "disk … full …
/// nothing was written"), and the board intact afterwards. Where mounting is not allowed, the
/// same fault is simulated in the store layer by `DiskFullStoreTests` (SQLITE_FULL from
/// `max_page_count`).
@Suite(.serialized) struct DiskFullTests {
    typealias P = SpotlightProcess

    /// Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in CI); probed once.
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/mount") || FileManager.default.isExecutableFile(atPath: "/bin/mount")
        else { return false }
        let probe = P.scratch("mount-probe")
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? Checkout.run(mountTool, ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]))?.status == 0 else { return false }
        _ = try? Checkout.run(umountTool, [probe])
        return true
    }()
    static let mountTool = FileManager.default.isExecutableFile(atPath: "/usr/bin/mount") ? "/usr/bin/mount" : "/bin/mount"
    static let umountTool = FileManager.default.isExecutableFile(atPath: "/usr/bin/umount") ? "/usr/bin/umount" : "/bin/umount"

    @Test(.enabled(if: canMount, "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN); DiskFullStoreTests simulates the full disk instead"),
          .timeLimit(.minutes(3)))
    func aPostOnAFullDiskFailsClearlyAndTheBoardStaysIntact() throws {
        let disk = P.scratch("diskfull")
        let mounted = try Checkout.run(Self.mountTool, ["-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", disk])
        try #require(mounted.status == 0, "mount: \(mounted.all)")
        defer { _ = try? Checkout.run(Self.umountTool, ["-l", disk]) }
        let board = disk + "/board.sqlite"
        #expect(try P.run(["init", "--name", "Small disk"], board: board).status == 0)
        for i in 1...3 {
            let posted = try P.run(["post", "--title", "Earlier story \(i)", "--hero", "Mary", "--body", "Kept safe."], board: board)
            #expect(posted.status == 0, "\(posted.stderr)")
        }
        let before = try P.sqlite(board, "SELECT id, title FROM stories ORDER BY id")

        // Keep the board open elsewhere (as the lobby wall does), so -wal and -shm exist, then fill
        // the disk to the last block.
        let holder = try BoardHolder(board: board)
        defer { holder.stop() }
        let filler = disk + "/filler"
        _ = try Checkout.run("/bin/dd", ["if=/dev/zero", "of=\(filler)", "bs=4096"])
        var space = statvfs()
        #expect(statvfs(disk, &space) == 0 && space.f_bavail == 0, "the disk should be full")

        let body = String(repeating: "A story far too long for what is left on this disk. ", count: 70)
        let posted = try P.run(["post", "--title", "Does not fit", "--hero", "Ana"], stdin: Data(body.utf8), board: board)
        #expect(posted.status == 1, "exit \(posted.status): \(posted.stderr)")
        #expect(posted.stderr.contains("disk") && posted.stderr.contains("full") && posted.stderr.contains("nothing was written"),
                "stderr: \(posted.stderr)")
        #expect(posted.stderr.split(separator: "\n").count == 1)
        #expect(posted.stdout.isEmpty)

        // Space again, everyone closed: the board is whole, with exactly the earlier stories,
        // and takes the next post.
        try FileManager.default.removeItem(atPath: filler)
        holder.stop()
        #expect(try P.sqlite(board, "PRAGMA integrity_check") == "ok")
        #expect(try P.sqlite(board, "SELECT id, title FROM stories ORDER BY id") == before)
        #expect(try P.sqlite(board, "SELECT count(*) FROM audit WHERE action = 'post'") == "3")
        let again = try P.run(["post", "--title", "Fits now", "--hero", "Ana"], stdin: Data(body.utf8), board: board)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try P.run(["list"], board: board).stdout.contains("Earlier story 1"))
    }

    /// With every process closed, SQLite's `-shm` is gone, and a read needs to make it again:
    /// on a full disk that was "disk I/O error" for `list`, `snapshot`, `doctor` and `export`.
    /// They read without it now, so a backup can be taken exactly when it is needed; a write
    /// still says the disk is full.
    @Test(.enabled(if: canMount, "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)"), .timeLimit(.minutes(3)))
    func readsAndABackupWorkOnAFullDisk() throws {
        let disk = P.scratch("diskfull-read")
        let mounted = try Checkout.run(Self.mountTool, ["-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", disk])
        try #require(mounted.status == 0, "mount: \(mounted.all)")
        defer { _ = try? Checkout.run(Self.umountTool, ["-l", disk]) }
        let board = disk + "/board.sqlite"
        #expect(try P.run(["init", "--name", "Small disk"], board: board).status == 0)
        for i in 1...3 {
            #expect(try P.run(["post", "--title", "Earlier story \(i)", "--hero", "Mary", "--body", "Kept safe."], board: board).status == 0)
        }
        #expect(!FileManager.default.fileExists(atPath: board + "-shm"), "the last process to close removes -shm")
        _ = try Checkout.run("/bin/dd", ["if=/dev/zero", "of=\(disk)/filler", "bs=4096"])
        var space = statvfs()
        #expect(statvfs(disk, &space) == 0 && space.f_bavail == 0, "the disk should be full")

        let env = ["TZ": "UTC", "LANG": "C.UTF-8", "COLUMNS": "80"]
        let list = try P.run(["list"], board: board, environment: env)
        #expect(list.status == 0 && list.stdout.contains("Earlier story 3"), "list: \(list.stderr)")
        let snapshot = try P.run(["snapshot", "--width", "80", "--height", "24"], board: board, environment: env)
        #expect(snapshot.status == 0 && snapshot.stdout.contains("Small disk"), "snapshot: \(snapshot.stderr)")
        let backup = P.scratch("diskfull-backup") + "/backup.json"
        let export = try P.run(["export", "-o", backup], board: board)
        #expect(export.status == 0, "export: \(export.stderr)")
        #expect((try? String(contentsOfFile: backup, encoding: .utf8))?.contains("Earlier story 3") == true)
        let doctor = try P.run(["doctor"], board: board, environment: env)
        #expect(doctor.stdout.contains("stories         3 visible"), "doctor: \(doctor.stdout)")
        #expect(doctor.stdout.contains("the disk holding the board is full"), "doctor: \(doctor.stdout)")
        for output in [list.stderr, snapshot.stderr, export.stderr, doctor.stdout] {
            #expect(!output.contains("disk I/O error"), "\(output)")
        }

        let posted = try P.run(["post", "--title", "Does not fit", "--hero", "Ana", "--body", "x"], board: board)
        #expect(posted.status == 1, "exit \(posted.status): \(posted.stderr)")
        #expect(posted.stderr.contains("disk") && posted.stderr.contains("full") && posted.stderr.contains("nothing was written"),
                "stderr: \(posted.stderr)")

        // Space again: writes work, and nothing was lost.
        try FileManager.default.removeItem(atPath: disk + "/filler")
        #expect(try P.run(["post", "--title", "Fits now", "--hero", "Ana", "--body", "x"], board: board).status == 0)
        #expect(try P.sqlite(board, "SELECT count(*) FROM stories") == "4")
        #expect(try P.sqlite(board, "PRAGMA integrity_check") == "ok")
    }
}

