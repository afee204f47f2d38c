import Foundation
import SpotlightCore
import SpotlightStore

/// The small JSON shapes of the broker's API that are not model types: answers that are tuples
/// or single values in `BoardService`, and the argument objects of the RPC-style endpoints.
/// Decoding is strict about types and required fields; unknown fields are ignored.
public enum Wire {
    // MARK: Answers

    /// `GET /v1/version`.
    public struct Version: Codable, Sendable, Equatable {
        public var spotlight: String
        public var api: Int

        public init(spotlight: String, api: Int) {
            self.spotlight = spotlight
            self.api = api
        }
    }

    /// `GET /v1/whoami`: the account as the broker sees it (from the kernel, never from the
    /// request) and what this account can do with the board.
    public struct WhoAmI: Codable, Sendable, Equatable {
        public var account: Account
        public var isReadOnly: Bool
        public var isImmutable: Bool
        public var isOutOfSpace: Bool
        /// Where the broker's board is (its file), for `doctor`.
        public var board: String
        /// The `origin` this request's `Spotlight-Client` tag gets in change events (nil without
        /// a usable tag): a handle skips the events that carry it.
        public var origin: String?
    }

    public struct Empty: Codable, Sendable, Equatable { public init() {} }
    public struct Flag: Codable, Sendable, Equatable { public var value: Bool }
    public struct Number: Codable, Sendable, Equatable { public var value: Int }
    public struct Text: Codable, Sendable, Equatable { public var value: String }
    public struct Time: Codable, Sendable, Equatable { public var value: Date }
    public struct Department: Codable, Sendable, Equatable {
        public var name: String
        public var stories: Int
    }
    public struct Count: Codable, Sendable, Equatable {
        public var count: Int
        public var capped: Bool
    }
    public struct NewestIDs: Codable, Sendable, Equatable {
        public var story: StoryID
        public var audit: Int
    }

    // MARK: Arguments

    public struct PageArguments: Codable, Sendable {
        public var query: StoryQuery
        public var counting: Bool
        public var matches: Int?
    }
    public struct CountArguments: Codable, Sendable {
        public var query: StoryQuery
        public var cap: Int?
    }
    public struct IDs: Codable, Sendable {
        public var ids: [StoryID]
    }
    public struct PageOfArguments: Codable, Sendable {
        public var ids: [StoryID]
        public var offset: Int
        public var limit: Int
    }
    public struct EditArguments: Codable, Sendable {
        public var draft: StoryDraft
        /// The story as the editor last read it: the edit is refused if it changed since.
        public var base: Story?
    }
    public struct PinArguments: Codable, Sendable {
        public var until: Date?
        public var note: String?
    }
    public struct StatusArguments: Codable, Sendable {
        public var status: StoryStatus
    }
    public struct Login: Codable, Sendable {
        public var login: String
    }
    public struct SettingArguments: Codable, Sendable {
        public var key: String
        public var value: String
    }
    /// `POST /v1/demo`: indexes into the built-in demo stories (`DemoStories.all`). Only those:
    /// a broker never posts as accounts a client names.
    public struct SeedArguments: Codable, Sendable {
        public var stories: [Int]
    }
    public struct Period: Codable, Sendable {
        public var from: Date
        public var to: Date
        public var bodyLength: Int?
    }
    public struct AboveArguments: Codable, Sendable {
        public var id: StoryID
        public var limit: Int
    }
    public struct RecognitionArguments: Codable, Sendable {
        public var author: String
        public var afterAudit: Int
    }
    public struct Names: Codable, Sendable {
        public var names: [String]
    }
    /// News and new-story counts are always of the asking account: there is no account field.
    public struct MarksArguments: Codable, Sendable {
        public var marks: VisitMarks
        public var limit: Int?
    }
    public struct AtArguments: Codable, Sendable {
        public var at: Date
        public var marks: VisitMarks?
    }
    public struct ProgramName: Codable, Sendable {
        public var program: String
    }
    public struct FinishArguments: Codable, Sendable {
        public var attempt: Int
        public var answers: [Int]
    }
    public struct AnswerArguments: Codable, Sendable {
        public var attempt: Int
        public var position: Int
        public var choice: Int
    }
    public struct GrantArguments: Codable, Sendable {
        public var login: String
        public var program: String
        public var level: Int
        public var note: String?
    }
}
