import Foundation
import SpotlightCore
import SpotlightStore

/// The reads every wall and board repeats after each change, answered once per change for all
/// of them (`SharedAnswers`): the wall's snapshot, a list (`GET /v1/stories`) and a board's
/// page (`POST /v1/board/page`). Who may ask is still checked per request, and a page's votes
/// are the asker's own, read on its own handle. A shared read runs on the handle of the account
/// that asked first (leased for the read, so a change's re-read can run after its request ended).
extension BoardBroker {
    /// Requests longer than this are answered for themselves: keys stay small.
    static let sharedKeyLimit = 2_048

    /// The answer when `endpoint` is one of the shared reads; nil for every other request.
    func sharedRead(_ endpoint: Endpoint, request: BrokerRequest, id: Int?, peer: BrokerPeer) async -> BrokerResponse? {
        let now = watcher.clock.now
        switch endpoint {
        case BoardAPI.wall where request.query.isEmpty:
            let answer = await wallAnswers.answer(for: "wall", at: now) { [self] in
                await answered(endpoint, request: request, id: id, peer: peer)
            }
            switch answer {
            case .success(let body):
                lastWall.withLock { $0 = body }
            case .failure:
                if tally.withLock({ $0.problem }) != nil, let kept = lastWall.withLock({ $0 }) {
                    return BrokerResponse(status: 200, body: kept)
                }
            }
            return response(answer)
        case BoardAPI.stories:
            let key = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            guard key.utf8.count <= Self.sharedKeyLimit else { return nil }
            return response(await leased(peer) { board throws(SpotlightError) in
                let query = try await BrokerCall(request: request, id: id, board: board, peer: peer).listQuery()
                return try await listAnswers.answer(for: key, at: now) { [self] in
                    await leased(peer) { board throws(SpotlightError) in try BoardWire.encode(try await board.stories(query)) }
                }.get()
            })
        case BoardAPI.page:
            guard request.body.count <= Self.sharedKeyLimit else { return nil }
            let key = String(decoding: request.body, as: UTF8.self)
            return response(await leased(peer) { board throws(SpotlightError) in
                let args = try await BrokerCall(request: request, id: id, board: board, peer: peer).pageArguments()
                var page = try await pageAnswers.answer(for: key, at: now) { [self] in
                    await leased(peer) { board throws(SpotlightError) in
                        var page = try await board.page(args.query, counting: args.counting, matches: args.matches)
                        page.voted = []  // the asker's own, added for each
                        return page
                    }
                }.get()
                page.voted = try await board.votedStories(among: page.stories.map(\.id))
                return try BoardWire.encode(page)
            })
        default:
            return nil
        }
    }

    /// Forgets every shared answer and starts again the ones clients keep asking for: the board
    /// changed, or may have. Before the change is announced, so no client gets an old answer.
    func forgetSharedAnswers() {
        let now = watcher.clock.now
        wallAnswers.invalidate(at: now)
        listAnswers.invalidate(at: now)
        pageAnswers.invalidate(at: now)
    }

    /// `body` on the peer's own handle, leased for it.
    func leased<T: Sendable>(_ peer: BrokerPeer, _ body: (any BoardService) async throws(SpotlightError) -> T) async
        -> Result<T, SpotlightError> {
        let board: any BoardService
        do throws(SpotlightError) {
            board = try await handles.lease(peer.account)
        } catch {
            return .failure(error)
        }
        let answer: Result<T, SpotlightError>
        do throws(SpotlightError) {
            answer = .success(try await body(board))
        } catch {
            answer = .failure(error)
        }
        await handles.release(peer.account)
        return answer
    }

    private func response(_ answer: Result<[UInt8], SpotlightError>) -> BrokerResponse {
        switch answer {
        case .success(let body): BrokerResponse(status: 200, body: body)
        case .failure(let error): .error(status: status(of: error), error)
        }
    }
}
