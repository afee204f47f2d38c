import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightUI
import Testing

/// `spotlight cert quiz` on the same loop as the wall, the reel and the board: keys choose and
/// give answers, each answer is graded by the service, and the service records the result.
@LoopActor
@Suite struct QuizLoopTests {
    typealias Program = CertificationConformanceTests

    /// John's sitting of the standards quiz on the fixture's board, on the headless loop.
    func sitting(_ f: LoopFixture) async throws -> (HeadlessLoop<QuizProgram>, InMemoryBoard) {
        try await f.handle(People.dana).addProgram(Program.program)
        let john = f.handle(People.john)
        let sitting = try await john.startQuiz("Service Standards")
        let loop = HeadlessLoop(QuizProgram(sitting: sitting, service: john, theme: .builtIn, isUTF8: true), clock: f.clock)
        await loop.start()
        return (loop, john)
    }

    /// Chooses answer `choice` (shown order) with its digit and gives it with Enter.
    func answer(_ loop: HeadlessLoop<QuizProgram>, _ choice: Int) async {
        await loop.key(.char(Character(String(choice + 1))))
        await loop.key(.enter)
    }

    @Test func aSittingAnsweredByKeysPassesAndRecordsLevelOne() async throws {
        let f = LoopFixture()
        let (loop, john) = try await sitting(f)
        let answers = Program.answers(loop.program.sitting, wrongAt: [2])
        #expect(loop.text.contains("Level 1 quiz"))
        for (position, choice) in answers.enumerated() {
            await answer(loop, choice)
            #expect(loop.program.state.verdicts.count == position + 1, "the service's verdict came back as a message")
            await loop.key(.enter)
        }
        #expect(loop.program.state.phase == .result)
        #expect(loop.text.contains("Passed"))
        #expect(loop.ended == nil)
        await loop.key(.enter)
        #expect(loop.ended == 0)
        #expect(loop.program.outcome == .finished(QuizResult(score: 2, total: 3, passingScore: 2)))
        #expect(loop.program.failure == nil)
        #expect(try await john.certifications(of: "jpark").map { [$0.program, "\($0.level)"] } == [["Service Standards", "1"]])
    }

    @Test func leavingEarlyRecordsNothing() async throws {
        let f = LoopFixture()
        let (loop, john) = try await sitting(f)
        let answers = Program.answers(loop.program.sitting)
        await answer(loop, answers[0])
        await loop.key(.enter)
        await loop.key(.escape)
        #expect(loop.ended == nil, "one Esc only asks")
        await loop.key(.escape)
        #expect(loop.ended == 0)
        #expect(loop.program.outcome == .left)
        #expect(try await john.certifications(of: "jpark").isEmpty)
        #expect(try await john.auditEvents().allSatisfy { $0.action != "cert-pass" })
    }

    @Test func aGradingFailureEndsTheLoopWithTheServicesError() async throws {
        let f = LoopFixture()
        let (loop, john) = try await sitting(f)
        let answers = Program.answers(loop.program.sitting)
        let other = (answers[0] + 1) % loop.program.sitting.prompts[0].answers.count
        _ = try await john.answerQuiz(loop.program.sitting.id, position: 0, choice: other)   // answered elsewhere first
        await answer(loop, answers[0])
        #expect(loop.ended == 1)
        #expect(loop.program.failure == .usage("question 1 of quiz attempt #\(loop.program.sitting.id) is already answered"))
    }
}
