import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightTerminal
import SpotlightUI

struct WallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wall", abstract: "The full-screen rotating wall for a lobby or break-room display.",
        discussion: """
            Keys: space pause · ←/→ previous/next · u upvote · t next theme · ? keys · q quit.

            With --kiosk the cursor is hidden, stray keys (Ctrl-C too) are ignored, and only typing the \
            --unlock word quits; a hang-up exits with status 129 so a supervisor restarts the wall.
            """)

    @OptionGroup var boardOptions: BoardOptions
    @Flag(help: "Lobby mode: ignore stray keys; only the unlock word quits.") var kiosk = false
    @Option(help: "Seconds per story before reading-length adjustment (default: the board's setting).") var interval: Int?
    @Option(help: "Theme name (default: the board's setting; service-week during Customer Service Week).") var theme: String?
    @Option(help: "In kiosk mode, the word to type to quit.") var unlock = "quit"
    @Flag(help: "Show a demo board (made on first use next to the default board) instead of yours.") var demo = false
    @Flag(help: "Give one slot in six to board statistics (stories per week, departments, most recognised).") var stats = false
    @Flag(help: "Play the period's top stories once, as a celebration reel, then exit.") var reel = false
    @Option(help: "With --reel: first day of the period (YYYY-MM-DD; default 29 days before --until).") var since: String?
    @Option(help: "With --reel: last day of the period (YYYY-MM-DD; default today).") var until: String?
    @Option(help: "With --reel: how many top stories to play.") var count = 10
    @Flag(help: "Draw headlines as normal text even on a large screen (no big type from Unifont).") var noBigType = false

    func validate() throws {
        if !reel && (since != nil || until != nil) { throw ValidationError("--since and --until go with --reel") }
        guard (1...100).contains(count) else { throw ValidationError("--count must be from 1 to 100") }
        if let interval, !(3...600).contains(interval) { throw ValidationError("--interval must be from 3 to 600 seconds") }
        guard !unlock.isEmpty, unlock.count <= 32, unlock.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw ValidationError("--unlock must be 1–32 letters or digits")
        }
    }

    func run() async throws {
        let location = demo ? try await Self.demoBoard() : boardOptions.location
        if reel {
            let code = try await playReel(location)
            if code != 0 { throw ExitCode(code) }
            return
        }
        let runner = try await WallRunner.start(options: WallRunner.Options(
            location: location, kiosk: kiosk, interval: interval, theme: theme, unlock: unlock, stats: stats, bigType: !noBigType,
            clock: .system))
        let code = await runner.run()
        if code != 0 { throw ExitCode(code) }
    }

    /// Reads the period's stories, then plays them on the terminal.
    private func playReel(_ location: BoardLocation) async throws -> Int32 {
        let period = try ReportPeriod.parse(since: since, until: until, now: Clock.system.now, timeZone: .current)
        let (stories, settings) = try await CLI.withBoard(at: location) {
            board async throws(SpotlightError) in
            (try await board.reportStories(from: period.start, to: period.end, bodyLength: StoryLimits.body.upperBound),
             try await board.settings())
        }
        let plan = ReelPlan(stories: stories, periodText: period.text, count: count)
        let chosen = try Themes.standard().loadOrBuiltIn(theme ?? settings.theme, explicit: theme != nil)
        return try await ReelRunner.play(plan: plan, theme: chosen, boardName: settings.name,
                                         baseSeconds: interval ?? settings.rotationSeconds, bigType: !noBigType, clock: .system)
    }

    /// `demo.sqlite` beside the default board, filled with the demo stories the first time, so
    /// a newcomer's first command shows a living wall without touching their real board.
    static func demoBoard() async throws(SpotlightError) -> BoardLocation {
        var environment = ProcessInfo.processInfo.environment
        environment["SPOTLIGHT_BOARD"] = nil
        let standard = BoardLocation.resolve(flag: nil, environment: environment)
        let location = BoardLocation(path: standard.directory + "/demo.sqlite", source: .xdgDefault)
        if !FileManager.default.fileExists(atPath: location.path) {
            _ = try await CLI.withBoard(at: location, mode: .createIfMissing(name: "Acme Support")) {
                board async throws(SpotlightError) in try await board.seed(DemoStories.all)
            }
        }
        return location
    }
}
