import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

extension StoryOrder: ExpressibleByArgument {}

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stories (hot, new or top).")

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "Order: hot (recognition against age), new, or top.") var sort: StoryOrder = .hot
    @Option(help: "How many stories to show (1–1000).") var limit = 20
    @Option(help: "Only stories from this department.") var department: String?
    @Option(help: "Full-text search over title, body, hero and tags.") var search: String?
    @Flag(help: "Include hidden stories (managers only).") var includeHidden = false
    @OptionGroup var output: OutputOptions

    func validate() throws { try plain.validate() }

    func run() async throws { try await plain.run() }

    var plain: Plain {
        Plain(board: boardOptions.board, sort: sort, limit: limit, department: department, search: search,
              includeHidden: includeHidden, json: output.json)
    }

    /// The command as plain values, which `QuickStart` builds without ArgumentParser's wrappers.
    struct Plain: QuickCommand {
        let board: String?
        let sort: StoryOrder
        let limit: Int
        let department: String?
        let search: String?
        let includeHidden: Bool
        let json: Bool

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000, got \(limit)") }
        }

        func run() async throws {
            let (stories, now) = try await CLI.withBoard(board: board) { board async throws(SpotlightError) in
                try await BoardRules.requireMayList(board.account, includingHidden: includeHidden, author: nil) {
                    () async throws(SpotlightError) in try await board.isManager(board.account.login)
                }
                let query = StoryQuery(order: sort, limit: limit, department: department, search: search, includeHidden: includeHidden)
                return (try await board.stories(query), board.clock.now)
            }
            if json {
                CLI.emit(try JSONOutput.encode(stories.map { StoryJSON($0, now: now) }))
            } else if stories.isEmpty {
                CLI.note(search != nil || department != nil ? "No stories match." : "No stories yet: post one with `spotlight post --title … --hero …`.")
            } else {
                let marks = RecognitionMarks.forOutput(unicode: UserLocale.isUTF8)
                CLI.say(stories.map { StoryText.listLine($0, now: now, marks: marks) }.plainlyJoined(separator: "\n"))
            }
        }
    }
}

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one story in full.")

    @OptionGroup var boardOptions: BoardOptions
    @Argument(help: "The story id, e.g. 42 or #42.") var id: StoryIDArgument
    @OptionGroup var output: OutputOptions

    func run() async throws { try await plain.run() }

    var plain: Plain { Plain(board: boardOptions.board, id: id.value, json: output.json) }

    /// The command as plain values, which `QuickStart` builds without ArgumentParser's wrappers.
    struct Plain: QuickCommand {
        let board: String?
        let id: StoryID
        let json: Bool

        func run() async throws {
            let (story, now) = try await CLI.withBoard(board: board) { board async throws(SpotlightError) in
                (try await board.story(id), board.clock.now)
            }
            if json {
                CLI.emit(try JSONOutput.encode(StoryJSON(story, now: now)))
            } else {
                CLI.say(StoryText.detail(story, now: now))
            }
        }
    }
}
