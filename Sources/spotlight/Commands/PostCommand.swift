import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

struct PostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post", abstract: "Post a success story (the body comes from --body or standard input).")

    @OptionGroup var boardOptions: BoardOptions
    @Option(help: "Headline, 1–120 characters.") var title: String
    @Option(help: "Who is recognised: a person or a team.") var hero: String
    @Option(help: "The hero's department.") var department = StoryDraft.defaultDepartment
    @Option(help: "external or internal.") var customer = "external"
    @Option(help: "A tag such as above-and-beyond; repeat for more.") var tag: [String] = []
    @Option(help: "The colleague who told the story, when posting for them.") var onBehalfOf: String?
    @Option(help: "The story, up to 4000 characters. Without it, read from standard input.") var body: String?
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let draft = StoryDraft(title: title, body: try body ?? Self.readBody(), hero: hero, department: department,
                               customer: try StoryDraft.customerKind(parsing: customer), tags: tag, onBehalfOf: onBehalfOf)
        try draft.validate()
        let (story, now) = try await CLI.withBoard(boardOptions) { board async throws(SpotlightError) in
            (try await board.post(draft), board.clock.now)
        }
        if output.json {
            CLI.emit(try JSONOutput.encode(StoryJSON(story, now: now)))
        } else {
            CLI.say("Posted story #\(story.id).")
        }
    }

    /// Reads the body from stdin, refusing bytes that are not UTF-8 rather than altering them.
    static func readBody() throws(SpotlightError) -> String {
        if isatty(STDIN_FILENO) == 1 {
            CLI.note("Type the story, then press Ctrl-D on a new line (or pass --body).")
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard data.count <= StoryLimits.maxFieldBytes else {
            throw .usage("body is too large: \(data.count) bytes, the limit is \(StoryLimits.maxFieldBytes)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .usage("body is not valid UTF-8 text; save it as UTF-8 and try again")
        }
        return text
    }
}
