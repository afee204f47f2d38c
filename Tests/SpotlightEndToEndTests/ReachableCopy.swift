import Foundation

/// Copies of files other accounts must run or read (the binary under test, the login-banner
/// script), in a world-readable folder under /tmp. A checkout in root's `0700` home is fine for
/// root, but `nobody` and the test accounts cannot even enter it.
enum ReachableCopy {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var copies: [String: String] = [:]

    /// The copy of `path` (made once per test run), mode 0755 in a 0755 folder.
    static func of(_ path: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let copy = copies[path] { return copy }
        let folder = "/tmp/spotlight-e2e-shared-\(UUID().uuidString.prefix(8))"
        let copy = folder + "/" + URL(fileURLWithPath: path).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
        } catch {
            fatalError("cannot copy \(path) to \(copy) for other accounts: \(error)")
        }
        copies[path] = copy
        return copy
    }
}
