import Foundation
import SpotlightCore
@testable import SpotlightStore

/// A fresh directory per test, and a few people to act as.
struct TempBoard {
    let directory: String
    var path: String { directory + "/board.sqlite" }

    init() {
        directory = NSTemporaryDirectory() + "spotlight-store-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    static let dana = Account(login: "dana", displayName: "Dana Morgan")
    static let mary = Account(login: "mlopez", displayName: "Mary Lopez")
    static let john = Account(login: "jpark", displayName: "John Park")
    static let now = Date(timeIntervalSince1970: 1_795_521_600)

    /// Creates the board as Dana (its first manager) and returns it open as `account`.
    func open(as account: Account = TempBoard.dana, clock: Clock = .fixed(TempBoard.now)) async throws -> BoardStore {
        if !FileManager.default.fileExists(atPath: path) {
            let creator = try await BoardStore.open(path, as: TempBoard.dana, mode: .createIfMissing(name: "Test"), clock: clock)
            await creator.close()
        }
        return try await BoardStore.open(path, as: account, clock: clock)
    }

    func bytes() -> Data? { FileManager.default.contents(atPath: path) }

    /// Runs SQL on the board file with the system `sqlite3`, as a stranger's tool would.
    func sqlite3(_ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        try process.run()
        process.waitUntilExit()
    }

    static func draft(_ title: String = "Mary saved the day", hero: String = "Mary Lopez", body: String = "Body") -> StoryDraft {
        StoryDraft(title: title, body: body, hero: hero, department: "Support", customer: .external, tags: ["recovery"])
    }
}
