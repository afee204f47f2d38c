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
    /// Requests that ask while it is being opened wait for that one opening; whichever of them
    /// runs first afterwards files the handle, the others lease it. (Asking again after the
    /// wait instead spun: the opener's own resumption could not get onto this actor between the
    /// waiters' retries, and two threads looped here for ever.)
    func lease(_ account: Account) async throws(SpotlightError) -> any BoardService {
        guard !isClosed else { throw .runtime("the broker is shutting down") }
        if let board = leaseOpen(account) { return board }
        let task: Task<Result<any BoardService, SpotlightError>, Never>
        if let pending = opening[account] {
            task = pending
        } else {
            let opener = opener
            task = Task { () async -> Result<any BoardService, SpotlightError> in
                do throws(SpotlightError) {
                    return .success(try await opener(account))
                } catch {
                    return .failure(error)
                }
            }
            opening[account] = task
        }
        let result = await task.value
        let first = opening[account] == task
        if first { opening[account] = nil }
        let board = try result.get()
        guard !isClosed else {
            if first { await board.close() }
            throw .runtime("the broker is shutting down")
        }
        if let filed = leaseOpen(account) { return filed }
        entries.append(Entry(account: account, board: board, leases: 1))
        await evict()
        return board
    }

    /// The open handle of `account`, leased once more and moved to the most recently used end.
    private func leaseOpen(_ account: Account) -> (any BoardService)? {
        guard let index = entries.firstIndex(where: { $0.account == account }) else { return nil }
        var entry = entries.remove(at: index)
        entry.leases += 1
        entries.append(entry)
        return entry.board
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
