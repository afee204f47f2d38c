import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import SpotlightUI

struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Print one wall frame as plain text (for login banners, chat and tests).",
        discussion: "The frame has no escape codes. Size: --width/--height, else the terminal's size, else 80×24.")

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "Columns (10–300).") var width: Int?
    @Option(help: "Rows (5–100).") var height: Int?
    @Option(help: "Theme whose border, banner and icons to use.") var theme: String?
    @Flag(help: "ASCII only (the default when the locale is not UTF-8).") var ascii = false
    @Flag(help: "Draw the headline as normal text even at TV sizes (no big type from Unifont).") var noBigType = false

    func validate() throws { try plain.validate() }

    func run() async throws { try await plain.run() }

    var plain: Plain { Plain(board: boardOptions.board, width: width, height: height, theme: theme, ascii: ascii, noBigType: noBigType) }

    /// The command as plain values, which `QuickStart` builds without ArgumentParser's wrappers.
    struct Plain: QuickCommand {
        let board: String?
        let width: Int?
        let height: Int?
        let theme: String?
        let ascii: Bool
        let noBigType: Bool

        func validate() throws {
            if let width, !(10...300).contains(width) { throw ValidationError("--width must be from 10 to 300") }
            if let height, !(5...100).contains(height) { throw ValidationError("--height must be from 5 to 100") }
        }

        func run() async throws {
            let now = Clock.system.now
            let snapshot = try await CLI.withBoard(board: board) { board async throws(SpotlightError) in try await board.wallSnapshot() }
            let chosen = try Themes.standard().loadOrBuiltIn(theme ?? snapshot.settings.theme, explicit: theme != nil)
            var state = WallState(settings: snapshot.settings, now: now)
            state.load(stories: snapshot.stories, headlines: snapshot.headlines, settings: snapshot.settings, now: now,
                       celebrations: WallContent(snapshot, displayName: CertText.displayName(of:)).celebrations)
            let context = WallPresenter.Context(
                boardName: snapshot.settings.name, theme: chosen, now: now, timeZone: .current,
                serviceWeek: ServiceWeek.phase(on: ClockText.calendarDate(now, timeZone: .current), settings: snapshot.settings),
                isUTF8: !ascii && UserLocale.isUTF8, kiosk: true)
            let size = SnapshotCommand.terminalSize()
            let (w, h) = (width ?? size.width, height ?? size.height)
            var model = state.model(context: context)
            model.font = BigType.font(enabled: !noBigType, width: w, height: h)
            let grid = WallScreen.render(model, width: w, height: h)
            CLI.say(grid.plainText(trimTrailing: true))
        }
    }

    /// The terminal's size when stdout is one, else 80×24.
    static func terminalSize() -> (width: Int, height: Int) {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
