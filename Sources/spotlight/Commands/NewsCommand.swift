import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// `spotlight news`: what is new since your last visit to the board, without opening it (and
/// without marking anything seen: only the board does that).
struct NewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "news",
        abstract: "What is new since your last visit: new stories (about you first) and the votes and medallions your stories got.",
        discussion: """
            Your last visit is when you last had the board open (`spotlight`); it is kept per account \
            under $XDG_STATE_HOME/spotlight/visits. This command only reads it.

            --banner prints one line for a login banner, or nothing when there is nothing new.
            """)

    @OptionGroup var boardOptions: BoardOptions
    @Flag(help: "One line for a login banner (nothing when there is nothing new).") var banner = false
    @OptionGroup var output: OutputOptions

    enum Outcome {
        case firstVisit(note: String?)
        case news(News)
    }

    func run() async throws {
        let visits = VisitFile(boardPath: boardOptions.location.path, environment: ProcessInfo.processInfo.environment)
        let account = try Identity.current()
        let path = boardOptions.location.path
        if banner {
            // The login line needs only how many stories are new (no story is decoded).
            let count = try await CLI.withBoard(boardOptions) { store async throws(SpotlightError) in
                guard let marks = try await Self.lastVisit(visits, on: store, path: path).marks else { return 0 }
                return try await store.newStoryCount(since: marks, for: account)
            }
            if let line = News.bannerLine(newStories: count) { CLI.say(line) }
            return
        }
        let (outcome, now) = try await CLI.withBoard(boardOptions) { store async throws(SpotlightError) in
            let last = try await Self.lastVisit(visits, on: store, path: path)
            guard let marks = last.marks else { return (Outcome.firstVisit(note: last.note), store.clock.now) }
            return (Outcome.news(try await store.news(since: marks, for: account)), store.clock.now)
        }
        if output.json {
            CLI.emit(try JSONOutput.encode(NewsJSON(outcome, now: now)))
        } else {
            CLI.say(Self.text(outcome, now: now))
        }
    }

    /// The marks of the last visit to this board, or why there are none to use.
    static func lastVisit(_ visits: VisitFile, on store: BoardStore, path: String) async throws(SpotlightError) -> (marks: VisitMarks?, note: String?) {
        switch visits.load() {
        case .firstVisit:
            return (nil, nil)
        case .unusable(let reason, _):
            return (nil, reason)
        case .marks(let marks):
            guard marks.board == (try await store.identity()) else { return (nil, "a different board is at \(path) now") }
            return (marks, nil)
        }
    }

    static func text(_ outcome: Outcome, now: Date) -> String {
        switch outcome {
        case .firstVisit(let note):
            return (note.map { $0 + ".\n" } ?? "") + "No last visit on record: open the board (`spotlight`) and what's new is counted from then."
        case .news(let news):
            var lines = [news.summary(now: now, timeZone: .current) + "."]
            if !news.stories.isEmpty {
                let marks = RecognitionMarks.forOutput(unicode: UserLocale.isUTF8)
                lines += ["", "New for you:"] + news.stories.map { "  " + StoryText.listLine($0, now: now, marks: marks) }
            }
            if !news.recognitions.isEmpty {
                lines += ["", "Your stories:"] + news.recognitions.map { "  " + News.line(for: $0) }
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// `news --json`.
struct NewsJSON: Encodable {
    struct Recognition: Encodable {
        let id: Int
        let title: String
        let hero: String
        let votes: Int
        let medallions: Int
    }

    let firstVisit: Bool
    let since: Date?
    let summary: String?
    let stories: [StoryJSON]
    let recognitions: [Recognition]

    init(_ outcome: NewsCommand.Outcome, now: Date) {
        switch outcome {
        case .firstVisit:
            firstVisit = true
            since = nil
            summary = nil
            stories = []
            recognitions = []
        case .news(let news):
            firstVisit = false
            since = news.since
            summary = news.summary(now: now, timeZone: .current)
            stories = news.stories.map { StoryJSON($0, now: now) }
            recognitions = news.recognitions.map {
                Recognition(id: $0.story.id, title: $0.story.title, hero: $0.story.hero, votes: $0.votes, medallions: $0.medallions)
            }
        }
    }
}
