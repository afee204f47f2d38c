import Foundation
import SpotlightCore

/// `-o FILE` of `export` and `newsletter`: the text goes to a temporary file in FILE's own
/// directory, which is then renamed over FILE, so an interrupted run never leaves half a file.
/// The temporary file gets a random name from `mkstemp` (created `O_EXCL`, mode 0600), so a
/// file or link planted in the directory beforehand can neither redirect nor block the write.
/// A replaced file keeps its mode (a `0600` backup stays private); a new one follows the umask.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws(SpotlightError) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array("\(directory.isEmpty ? "." : directory)/.\(name).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(path, errno) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var written = false
        defer {
            close(fd)
            if !written { unlink(temporary) }
        }
        var replaced = stat()
        let keeps = lstat(path, &replaced) == 0 && (replaced.st_mode & S_IFMT) == S_IFREG
        guard fchmod(fd, keeps ? replaced.st_mode & 0o777 : 0o666 & ~currentUmask()) == 0 else { throw failure(path, errno) }
        // Best effort: root replacing someone's file leaves it theirs; others keep their own.
        if keeps { _ = fchown(fd, replaced.st_uid, replaced.st_gid) }
        guard RegularFile.writeAll(data, to: fd), fsync(fd) == 0 else { throw failure(path, errno) }
        guard rename(temporary, path) == 0 else { throw failure(path, errno) }
        written = true
    }

    /// The process's umask, read from `/proc/self/status` because `umask(2)` can only be read by
    /// setting it, which would race SQLite creating files on another thread.
    static func currentUmask() -> mode_t {
        // Read to the end like every /proc file: Foundation's String(contentsOfFile:) stops after 4 KB there.
        let status = ((try? RegularFile.contents("/proc/self/status", limit: 1 << 20)) ?? nil).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for line in status.split(separator: "\n") where line.hasPrefix("Umask:") {
            if let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) { return mask }
        }
        return 0o022
    }

    private static func failure(_ path: String, _ code: Int32) -> SpotlightError {
        .runtime("cannot write \(path): \(String(cString: strerror(code))); it was left as it was")
    }
}
