import ArgumentParser
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct UpvoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upvote", abstract: "Upvote a story (once per person).")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument

    func run() async throws { try await plain.run() }

    var plain: Plain { Plain(board: boardOptions.board, id: id.value) }

    /// The command as plain values, which `QuickStart` builds without ArgumentParser's wrappers.
    struct Plain: QuickCommand {
        let board: String?
        let id: StoryID

        func run() async throws {
            let added = try await CLI.withBoard(board: board) { board async throws(SpotlightError) in try await board.upvote(id) }
            CLI.say(VoteWording.upvote(id, added: added))
        }
    }
}

struct UnvoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unvote", abstract: "Withdraw your upvote.")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument

    func run() async throws { try await plain.run() }

    var plain: Plain { Plain(board: boardOptions.board, id: id.value) }

    /// The command as plain values, which `QuickStart` builds without ArgumentParser's wrappers.
    struct Plain: QuickCommand {
        let board: String?
        let id: StoryID

        func run() async throws {
            let removed = try await CLI.withBoard(board: board) { board async throws(SpotlightError) in try await board.unvote(id) }
            CLI.say(VoteWording.unvote(id, removed: removed))
        }
    }
}

struct MedalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "medal", abstract: "Give one of your yearly medallions to a story's hero.",
        discussion: "Each person has a few medallions a year (a board setting, default 1). A medallion can be taken back with --revoke within 24 hours.")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id.") var id: StoryIDArgument
    @Flag(help: "Take back the medallion you gave this story (within 24 hours).") var revoke = false

    func run() async throws {
        if revoke {
            try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.revokeMedallion(id.value) }
            CLI.say("Took back your medallion for story #\(id.value).")
        } else {
            let left = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in try await board.giveMedallion(id.value) }
            CLI.say("Gave a medallion for story #\(id.value). You have \(Plural.count(left, "medallion", zero: "no")) left this year.")
        }
    }
}
