import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct PinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pin", abstract: "Pin a story to the wall (managers).")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument
    @Option(help: "When the pin ends: friday, tomorrow, 2026-12-01, 2026-12-01T17:00, or 12h / 3d / 2w (at most the board's max-pin-days, which is also the default).") var until: String?
    @Option(help: "A note shown with the pin, up to 120 characters.") var note: String?

    func run() async throws {
        let end = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            let end = try until.map { text throws(SpotlightError) in try WhenParser.parse(text, now: board.clock.now, timeZone: .current) }
            return try await board.pin(id.value, until: end, note: note)
        }
        // The end as the board and `show` word it ("until Fri 4 Dec"), not as it was typed; a
        // pin given no end lasts the board's max-pin-days.
        CLI.say("Pinned story #\(id.value) until " + ClockText.pinEnd(end, timeZone: .current) + ".")
    }
}

struct UnpinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unpin", abstract: "Unpin a story (managers).")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument

    func run() async throws {
        try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.unpin(id.value) }
        CLI.say("Unpinned story #\(id.value).")
    }
}

/// hide, unhide and remove differ only in the status they set.
protocol StatusCommand: AsyncParsableCommand {
    var boardOptions: BoardOptions { get }
    var id: StoryIDArgument { get }
    static var status: StoryStatus { get }
    static var done: String { get }
}

extension StatusCommand {
    func run() async throws {
        try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.setStatus(id.value, to: Self.status) }
        CLI.say("\(Self.done) story #\(id.value).")
    }
}

struct HideCommand: StatusCommand {
    static let configuration = CommandConfiguration(commandName: "hide", abstract: "Hide a story from the wall and lists (managers).")
    static let status = StoryStatus.hidden
    static let done = "Hid"
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument
}

struct UnhideCommand: StatusCommand {
    static let configuration = CommandConfiguration(commandName: "unhide", abstract: "Show a hidden story again (managers).")
    static let status = StoryStatus.visible
    static let done = "Unhid"
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument
}

struct RemoveCommand: StatusCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a story for good (managers); it stays in the audit log and exports.")
    static let status = StoryStatus.removed
    static let done = "Removed"
    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument
}
