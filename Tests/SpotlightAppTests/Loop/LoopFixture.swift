import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightTestSupport
import SpotlightUI

/// Whole programs in process: an in-memory board shared by handles (one per person), a manual
/// clock, and the headless loop carrying inputs, effects and board changes as the terminal does.
@LoopActor
struct LoopFixture {
    let manual = ManualClock(People.now)
    let storage: InMemoryStorage
    let state: String

    init() {
        storage = InMemoryStorage(name: "Test", creator: People.dana, clock: .fixed(People.now))
        state = NSTemporaryDirectory() + "spotlight-loop-\(UUID().uuidString)"
    }

    var clock: Clock { manual.clock }

    func handle(_ account: Account) -> InMemoryBoard {
        InMemoryBoard(storage: storage, as: account, clock: manual.clock)
    }

    /// A story posted by `account` at the clock's now.
    @discardableResult
    func post(_ title: String, as account: Account = People.mary) async throws -> Story {
        try await handle(account).post(People.draft(title))
    }

    /// The live wall as Dana sees it, started on the board's first read.
    func wall(as account: Account = People.dana) async throws -> HeadlessLoop<WallProgram> {
        let service = handle(account)
        let snapshot = try await service.wallSnapshot()
        let state = WallState(settings: snapshot.settings, now: manual.now, options: WallOptions(isUTF8: true, timeZone: .gmt))
        let effects = WallEffectRunner(service: service, themes: WallThemes(catalog: ThemeCatalog(searchPaths: []), starting: .builtIn),
                                       clock: clock, timeZone: .gmt)
        let loop = HeadlessLoop(WallProgram(state: state, effects: effects), clock: clock, changes: service.changes())
        await loop.start([.snapshotLoaded(WallContent(snapshot))])
        return loop
    }

    /// The interactive board as `account` sees it, with its state files in a folder of its own.
    func board(as account: Account = People.dana) async throws -> HeadlessLoop<BoardProgram> {
        let service = handle(account)
        let effects = BoardEffectRunner(service: service, clock: clock, boardPath: state + "/board.sqlite",
                                        environment: ["HOME": state, "XDG_STATE_HOME": state], isUTF8: true, timeZone: .gmt)
        var boardState = BoardState(viewer: BoardViewer(account: account, isManager: try await service.isManager(account.login)),
                                    width: 100, height: 30)
        boardState.timeZone = .gmt
        let program = BoardProgram(state: boardState, effects: effects, settings: try await service.settings(), theme: .builtIn,
                                   explicitTheme: true, themes: ThemeCatalog(searchPaths: []), isUTF8: true)
        let loop = HeadlessLoop(program, clock: clock, changes: service.changes())
        await loop.start([.started])
        return loop
    }
}

/// Counts the board's list queries (the effect runner reports each to the benchmark's hook).
@LoopActor
final class QueryCounter: LoopTiming {
    private(set) var kinds: [String] = []
    var now: ContinuousClock.Instant { ContinuousClock.now }
    func begin(_ kind: String, at instant: ContinuousClock.Instant?) {}
    func note(_ kind: String, since start: ContinuousClock.Instant) { kinds.append(kind) }
}
