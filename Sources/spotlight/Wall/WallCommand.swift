import ArgumentParser
import Foundation
import SpotlightCore
import SpotlightUI

struct WallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wall", abstract: "The full-screen rotating wall for a lobby or break-room display.",
        discussion: """
            Keys: space pause · ←/→ previous/next · u upvote · t next theme · ? keys · q quit.
            With --kiosk the cursor is hidden, stray keys (Ctrl-C too) are ignored, and only typing the
            --unlock word quits; a hang-up exits with status 129 so a supervisor restarts the wall.
            """)

    @OptionGroup var boardOptions: BoardOptions
    @Flag(help: "Lobby mode: ignore stray keys; only the unlock word quits.") var kiosk = false
    @Option(help: "Seconds per story before reading-length adjustment (default: the board's setting).") var interval: Int?
    @Option(help: "Theme name (default: the board's setting; service-week during Customer Service Week).") var theme: String?
    @Option(help: "In kiosk mode, the word to type to quit.") var unlock = "quit"

    func validate() throws {
        if let interval, !(3...600).contains(interval) { throw ValidationError("--interval must be from 3 to 600 seconds") }
        guard !unlock.isEmpty, unlock.count <= 32, unlock.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw ValidationError("--unlock must be 1–32 letters or digits")
        }
    }

    func run() async throws {
        let runner = try await WallRunner.start(options: WallRunner.Options(
            location: boardOptions.location, kiosk: kiosk, interval: interval, theme: theme, unlock: unlock))
        let code = await runner.run()
        if code != 0 { throw ExitCode(code) }
    }
}
