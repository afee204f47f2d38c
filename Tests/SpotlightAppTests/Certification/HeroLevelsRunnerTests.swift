import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightUI

/// The board's one read of a story's hero's levels (issue 16), against every `BoardService`.
@Suite struct HeroLevelsRunnerTests {
    typealias P = People
    typealias C = CertificationConformanceTests

    @Test(arguments: BoardKind.allCases)
    func theRunnerAnswersWithTheHeroesLevels(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.addProgram(C.program)
        let john = try await board.open(as: P.john)
        let sitting = try await john.startQuiz("Service Standards")
        #expect(try await john.finishQuiz(sitting.id, answers: C.answers(sitting)).passed)
        try await dana.grantCertification(to: P.john.login, program: "Service Standards", level: 2, note: "")
        let found = await Self.run(.loadHeroLevels(7, login: P.john.login), on: dana)
        let none = await Self.run(.loadHeroLevels(8, login: "nobody-here"), on: dana)
        guard case .heroLevelsLoaded(7, let levels)? = found.first, case .heroLevelsLoaded(8, let empty)? = none.first else {
            Issue.record("unexpected answers \(found) \(none)")
            return
        }
        #expect(levels == ["Service Standards II"])
        #expect(empty == [])
        await dana.close(); await john.close()
    }

    @LoopActor
    static func run(_ effect: BoardEffect, on service: any BoardService) async -> [BoardMessage] {
        let scratch = FileManager.default.temporaryDirectory.path
        let runner = BoardEffectRunner(service: service, clock: .fixed(P.now), boardPath: scratch + "/none.sqlite",
                                       environment: ["HOME": scratch], isUTF8: true, timeZone: .gmt)
        return await runner.run(effect, total: 0)
    }
}
