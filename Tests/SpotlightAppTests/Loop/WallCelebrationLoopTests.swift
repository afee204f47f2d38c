import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightUI
import Testing

/// The celebration card through the whole wall in process (issue 16): a pass on another handle
/// reaches the running wall through `changes()` and is shown at once, named by the runner's
/// account lookup; a revoke takes it away on the next read.
@LoopActor
@Suite struct WallCelebrationLoopTests {
    typealias C = CertificationConformanceTests

    func wall(_ f: LoopFixture) async throws -> HeadlessLoop<WallProgram> {
        let service = f.handle(People.dana)
        let snapshot = try await service.wallSnapshot()
        let state = WallState(settings: snapshot.settings, now: f.manual.now, options: WallOptions(isUTF8: true, timeZone: .gmt))
        let names: @Sendable (String) -> String? = { $0 == "jpark" ? "John Park" : nil }
        let effects = WallEffectRunner(service: service, themes: WallThemes(catalog: ThemeCatalog(searchPaths: []), starting: .builtIn),
                                       clock: f.clock, timeZone: .gmt, displayName: names)
        let loop = HeadlessLoop(WallProgram(state: state, effects: effects), clock: f.clock, changes: service.changes())
        await loop.start([.snapshotLoaded(WallContent(snapshot, displayName: names))])
        return loop
    }

    @Test func aPassOnAnotherHandleIsCelebratedAtOnceAndARevokeEndsIt() async throws {
        let f = LoopFixture()
        try await f.post("The first story")
        try await f.handle(People.dana).addProgram(C.program)
        let wall = try await wall(f)
        #expect(wall.program.state.currentStory?.title == "The first story")

        let john = f.handle(People.john)
        let sitting = try await john.startQuiz("Service Standards")
        #expect(await wall.nextChange() == .changed)   // the attempt itself: nothing to celebrate
        #expect(wall.program.state.currentCelebration == nil)
        _ = try await john.finishQuiz(sitting.id, answers: C.answers(sitting))
        #expect(await wall.nextChange() == .changed)
        #expect(wall.program.state.currentCelebration?.certification.login == "jpark")
        #expect(wall.text.contains("just certified · Service Standards, Level I"))
        #expect(wall.text.contains("John Park"))
        #expect(wall.text.contains("Standards"))   // the level's title

        try await f.handle(People.dana).revokeCertification(of: "jpark", program: "Service Standards", level: 1)
        #expect(await wall.nextChange() == .changed)
        #expect(wall.program.state.currentCelebration == nil)
        #expect(!wall.text.contains("John Park"))
        #expect(wall.text.contains("The first story"))
    }
}
