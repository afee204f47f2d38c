import Foundation
import SpotlightTestSupport
import Testing

/// Issue 14's proof on a real (virtual) network: two brokers in two network namespaces and
/// PostgreSQL in a third (Support/two-sites.sh), walls in tmux and 8 writer accounts per site.
/// Support/two_sites.py does the work — rig, brokers, accounts, the checks (cross-site post,
/// votes, PostgreSQL restart, a site cut off for 30 s, bad input), teardown — and exits 0 only
/// when every check passed, with one line per failed check otherwise. This runs it with the
/// binary under test and the cluster's PostgreSQL programs, and prints what it said.
@Suite(.serialized) struct TwoSiteTests {
    static let environment = ProcessInfo.processInfo.environment
    static let enabled = getuid() == 0 && ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    } && !(environment["SPOTLIGHT_TEST_POSTGRES"] ?? "").isEmpty
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Support/two_sites.py").path

    @Test(.enabled(if: enabled, "needs root, ip(8) and SPOTLIGHT_TEST_POSTGRES (the CI cluster's environment; .ci/run sets it)"),
          .timeLimit(.minutes(10)))
    func twoSitesShareOneBoardAndSurviveFaults() throws {
        // Brokers and writers run as other accounts: the binary where they can reach it.
        var arguments = [Self.script, "--bin", SpotlightProcess.binaryForOthers]
        arguments += ["--pgbin", try PostgresTools.bin()]
        let result = try PostgresTools.run("python3", arguments)
        print("two_sites.py (exit \(result.status)):\n" + result.stdout + result.stderr)
        #expect(result.status == 0, "two_sites.py failed:\n\(result.stdout)\(result.stderr)")
    }
}
