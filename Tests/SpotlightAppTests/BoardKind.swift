import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightStore
import Testing

/// Every `BoardService` the conformance suite runs against. A new backend (broker, PostgreSQL)
/// adds a case here and passes the same tests.
enum BoardKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, memory

    var testDescription: String { rawValue }

    /// A new, empty board created by Dana (its first manager).
    func makeBoard(clock: Clock = .fixed(People.now)) async throws -> TestBoard {
        switch self {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "spotlight-app-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let path = directory + "/board.sqlite"
            let creator = try await SQLiteBoard.open(path, as: People.dana, mode: .createIfMissing(name: "Test"), clock: clock)
            await creator.close()
            return TestBoard(kind: self, path: path, storage: nil)
        case .memory:
            return TestBoard(kind: self, path: nil, storage: InMemoryStorage(name: "Test", creator: People.dana, clock: clock))
        }
    }
}

/// One board, on which tests open handles as different people: for SQLite, processes on one
/// file; in memory, handles on one storage.
struct TestBoard: Sendable {
    let kind: BoardKind
    let path: String?
    let storage: InMemoryStorage?

    func open(as account: Account = People.dana, clock: Clock = .fixed(People.now),
              policy: RecheckPolicy? = nil) async throws -> any BoardService {
        if let path { return try await SQLiteBoard.open(path, as: account, clock: clock, policy: policy) }
        return InMemoryBoard(storage: storage!, as: account, clock: clock)
    }
}

enum People {
    static let dana = Account(login: "dana", displayName: "Dana Morgan")
    static let mary = Account(login: "mlopez", displayName: "Mary Lopez")
    static let john = Account(login: "jpark", displayName: "John Park")
    static let now = Date(timeIntervalSince1970: 1_795_521_600)

    static func draft(_ title: String = "Mary saved the day", hero: String = "Mary Lopez", body: String = "Body",
                      department: String = "Support") -> StoryDraft {
        StoryDraft(title: title, body: body, hero: hero, department: department, customer: .external, tags: ["recovery"])
    }
}

/// A clock that moves with real time from `People.now`: the changes stream decides when to
/// re-check from its clock, and a fixed clock would never make a re-check due.
func movingClock() -> Clock {
    let start = ContinuousClock.now
    return Clock {
        let elapsed = ContinuousClock.now - start
        return People.now.addingTimeInterval(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
