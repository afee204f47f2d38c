import Foundation
import Testing

/// Compares `actual` with the golden file at `url`; `SNAPSHOT_UPDATE=1` rewrites the file
/// instead. The one comparer behind the UI frame goldens and the CLI and report goldens. On a
/// difference it names the first line that differs, with both versions of it.
public func expectTextGolden(_ actual: String, at url: URL, name: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["SNAPSHOT_UPDATE"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(throws: Never.self, sourceLocation: sourceLocation) { try actual.write(to: url, atomically: true, encoding: .utf8) }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden \(url.path); run with SNAPSHOT_UPDATE=1", sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let (a, e) = (actual.components(separatedBy: "\n"), expected.components(separatedBy: "\n"))
    let row = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    let got = row < a.count ? a[row] : "<none>", want = row < e.count ? e[row] : "<none>"
    Issue.record("\(name) differs at line \(row + 1):\n  expected: \(want)\n  actual:   \(got)\nSNAPSHOT_UPDATE=1 rewrites goldens",
                 sourceLocation: sourceLocation)
}
