import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// The wall's snapshot carries the week's certifications (issue 16) on every `BoardService`:
/// newest first, with their level titles, without revoked ones or those older than a week.
@Suite struct WallCelebrationConformanceTests {
    typealias P = People
    typealias C = CertificationConformanceTests

    @Test(arguments: BoardKind.allCases)
    func theSnapshotHoldsTheWeeksCertifications(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.addProgram(C.program)
        #expect(try await dana.wallSnapshot().celebrations.isEmpty)

        // Mary passed eight days ago: past her week.
        let mary = try await board.open(as: P.mary, clock: .fixed(P.now.addingTimeInterval(-8 * 24 * 3600)))
        let old = try await mary.startQuiz("Service Standards")
        _ = try await mary.finishQuiz(old.id, answers: C.answers(old))
        let john = try await board.open(as: P.john)
        let sitting = try await john.startQuiz("Service Standards")
        _ = try await john.finishQuiz(sitting.id, answers: C.answers(sitting))
        try await dana.grantCertification(to: "jpark", program: "service standards", level: 2, note: "Three cases, all excellent")

        let week = try await john.wallSnapshot().celebrations
        #expect(week.map { [$0.certification.login, String($0.certification.level), $0.levelTitle, $0.name] }
                == [["jpark", "2", "Case Studies", "jpark"], ["jpark", "1", "Standards", "jpark"]])
        #expect(week.first?.certification.note == "Three cases, all excellent")
        #expect(week.first?.certification.source == .manager && week.first?.certification.grantedBy == "dana")
        #expect(week.first?.achievement == "Service Standards, Level II")

        try await dana.revokeCertification(of: "jpark", program: "Service Standards", level: 2)
        #expect(try await john.wallSnapshot().celebrations.map(\.certification.level) == [1])
        await dana.close(); await mary.close(); await john.close()
    }
}
