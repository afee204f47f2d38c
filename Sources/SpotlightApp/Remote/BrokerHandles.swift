import Foundation
import SpotlightCore

/// The broker's open boards, one per account (each `BoardService` handle acts as one account),
/// least recently used first out: at most `capacity` idle handles stay open, an evicted one is
/// closed, and a handle in use by a request is never closed under it.
actor BrokerHandles {
    typealias Opener = @Sendable (Account) async throws(SpotlightError) -> any BoardService

    private struct Entry {
        let account: Account
        let board: any BoardService
        var leases: Int
    }

    private let opener: Opener
    private let capacity: Int
    /// Most recently used last; a few dozen entries, so an array is cheaper than a dictionary and a list.
    private var entries: [Entry] = []
    private var opening: [Account: Task<Result<any BoardService, SpotlightError>, Never>] = [:]
    private var isClosed = false

    init(capacity: Int, opener: @escaping Opener) {
        self.capacity = max(1, capacity)
        self.opener = opener
    }

    /// The handle of `account`, opened on first use; `release` it when the request is done.
    func lease(_ account: Account) async throws(SpotlightError) -> any BoardService {
        guard !isClosed else { throw .runtime("the broker is shutting down") }
        if let index = entries.firstIndex(where: { $0.account == account }) {
            var entry = entries.remove(at: index)
            entry.leases += 1
            entries.append(entry)
            return entry.board
        }
        if let pending = opening[account] {
            _ = try await pending.value.get()
            return try await lease(account)
        }
        let opener = opener
        let task = Task { () async -> Result<any BoardService, SpotlightError> in
            do throws(SpotlightError) {
                return .success(try await opener(account))
            } catch {
                return .failure(error)
            }
        }
        opening[account] = task
        let result = await task.value
        opening[account] = nil
        let board = try result.get()
        guard !isClosed else {
            await board.close()
            throw .runtime("the broker is shutting down")
        }
        entries.append(Entry(account: account, board: board, leases: 1))
        await evict()
        return board
    }

    func release(_ account: Account) {
        guard let index = entries.firstIndex(where: { $0.account == account }) else { return }
        entries[index].leases -= 1
    }

    /// Closes the least recently used idle handles beyond `capacity`.
    private func evict() async {
        var closing: [any BoardService] = []
        while entries.count > capacity, let index = entries.firstIndex(where: { $0.leases == 0 }) {
            closing.append(entries.remove(at: index).board)
        }
        for board in closing { await board.close() }
    }

    var openCount: Int { entries.count }

    func closeAll() async {
        isClosed = true
        let all = entries.map(\.board)
        entries = []
        for board in all { await board.close() }
    }
}
