import Foundation
import Testing

/// `spotlight snapshot` for a terminal without UTF-8: with `--ascii`, and by itself in the C
/// locale, every byte is printable ASCII, user text included, and every row of the frame is
/// exactly as wide as asked, so a login banner never moves its border.
@Suite struct SnapshotCharsetTests {
    typealias P = SpotlightProcess

    @Test func asciiAndTheCLocalePrintOnlyASCII() throws {
        let (_, board) = try WallFixture.demoBoard("snapshot-ascii")
        try WallFixture.post(board, title: "Zürich “café” — 東京 🌙 night shift", body: "Crème brûlée for 東京 🙌")
        let runs: [(String, [String], [String: String])] = [
            ("--ascii", ["--ascii"], [:]),
            ("LANG=C", [], ["LC_ALL": "C", "LANG": "C"]),
        ]
        for (name, flags, environment) in runs {
            let result = try P.run(["snapshot", "--width", "80", "--height", "24", "--board", board] + flags,
                                   environment: environment)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let foreign = result.stdoutBytes.filter { ($0 < 0x20 && $0 != 0x0A) || $0 >= 0x7F }
            #expect(foreign.isEmpty, "\(name): \(foreign.count) bytes outside printable ASCII")
            #expect(result.stdout.contains("Zurich \"cafe\" - ???? ?? night shift"), "\(name):\n\(result.stdout)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 24, "\(name): \(lines.count) lines")
            for line in lines.dropLast() {   // the footer under the frame is trimmed
                #expect(line.count == 80 && "+|".contains(line.first!) && "+|".contains(line.last!),
                        "\(name): a row lost its border: \(line)")
            }
        }
    }
}
