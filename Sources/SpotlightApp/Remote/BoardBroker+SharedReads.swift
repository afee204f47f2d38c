import Foundation
import SpotlightCore
import SpotlightStore

/// The reads every wall and board repeats after each change, answered once per change for all
/// of them (`SharedAnswers`): the wall's snapshot, a list (`GET /v1/stories`) and a board's
/// page (`POST /v1/board/page`). Who may ask is still checked per request, and a page's votes
/// are the asker's own, read on its own handle.
extension BoardBroker {
    /// Requests longer than this are answered for themselves: keys stay small.
    static let sharedKeyLimit = 2_048

    /// The answer when `endpoint` is one of the shared reads; nil for every other request.
    func sharedRead(_ endpoint: Endpoint, request: BrokerRequest, id: Int?, peer: BrokerPeer) async -> BrokerResponse? {
        let now = watcher.clock.now
        switch endpoint {
        case BoardAPI.wall where request.query.isEmpty:
            let answer = await wallAnswers.answer(for: "wall", at: now) { [self] in
                await self.answered(endpoint, request: request, id: id, peer: peer)
            }
            return response(answer)
        case BoardAPI.stories:
            let key = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            guard key.utf8.count <= Self.sharedKeyLimit else { return nil }
            return await leased(peer) { board throws(SpotlightError) in
                let query = try QueryReader.storyQuery(request)
                try await BrokerCall(request: request, id: id, board: board, peer: peer).requireMayList(query)
                return try await listAnswers.answer(for: key, at: now) { () async -> Result<[UInt8], SpotlightError> in
                    do throws(SpotlightError) {
                        return .success(try BoardWire.encode(try await board.stories(query)))
                    } catch {
                        return .failure(error)
                    }
                }.get()
            }
        case BoardAPI.page:
            guard request.body.count <= Self.sharedKeyLimit else { return nil }
            let key = String(decoding: request.body, as: UTF8.self)
            return await leased(peer) { board throws(SpotlightError) in
                _ = try QueryReader(request, allowed: endpoint.query)
                guard !request.body.isEmpty else { throw .usage("bad arguments: the request has no JSON body") }
                let args = try BoardWire.decode(Wire.PageArguments.self, from: request.body, what: "arguments")
                try await BrokerCall(request: request, id: id, board: board, peer: peer).requireMayList(args.query)
                var page = try await pageAnswers.answer(for: key, at: now) { () async -> Result<StoryPage, SpotlightError> in
                    do throws(SpotlightError) {
                        var page = try await board.page(args.query, counting: args.counting, matches: args.matches)
                        page.voted = []  // the asker's own, added for each
                        return .success(page)
                    } catch {
                        return .failure(error)
                    }
                }.get()
                page.voted = try await board.votedStories(among: page.stories.map(\.id))
                return try BoardWire.encode(page)
            }
        default:
            return nil
        }
    }

    /// Forgets every shared answer: the board changed, or may have.
    func forgetSharedAnswers() {
        wallAnswers.invalidate()
        listAnswers.invalidate()
        pageAnswers.invalidate()
    }

    /// `body` on the peer's own handle, its answer or error as the response.
    private func leased(_ peer: BrokerPeer, _ body: (any BoardService) async throws(SpotlightError) -> [UInt8]) async -> BrokerResponse {
        let answer: Result<[UInt8], SpotlightError>
        do throws(SpotlightError) {
            let board = try await handles.lease(peer.account)
            do throws(SpotlightError) {
                answer = .success(try await body(board))
            } catch {
                answer = .failure(error)
            }
            await handles.release(peer.account)
        } catch {
            answer = .failure(error)
        }
        return response(answer)
    }

    private func response(_ answer: Result<[UInt8], SpotlightError>) -> BrokerResponse {
        switch answer {
        case .success(let body): BrokerResponse(status: 200, body: body)
        case .failure(let error): .error(status: status(of: error), error)
        }
    }
}
