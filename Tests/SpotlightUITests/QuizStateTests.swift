import SpotlightCore
import Testing
@testable import SpotlightUI

@Suite struct QuizStateTests {
    typealias F = QuizFixtures

    @Test func digitsAndArrowsChooseAndEnterAnswers() {
        var state = F.state()
        let count = state.current.answers.count
        #expect(state.handle(.char("2")).isEmpty && state.selected == 1)
        _ = state.handle(.down)
        #expect(state.selected == min(2, count - 1))
        _ = state.handle(.up)
        _ = state.handle(.up)
        _ = state.handle(.up)
        #expect(state.selected == 0)
        // A digit beyond the answers, or a letter, changes nothing and answers nothing.
        #expect(state.handle(.char("9")).isEmpty && state.handle(.char("x")).isEmpty)
        #expect(state.selected == 0 && state.phase == .asking)
        #expect(state.handle(.enter).isEmpty)
        #expect(state.phase == .answered(choice: 0))
        #expect(state.attempt.position == 1)
    }

    @Test func theVerdictStaysUntilEnterThenTheNextQuestion() {
        var state = F.state()
        _ = state.handle(.enter)
        let first = state.current
        // Digits while the verdict shows do not answer the next question.
        _ = state.handle(.char("1"))
        #expect(state.attempt.position == 1 && state.current == first)
        _ = state.handle(.enter)
        #expect(state.phase == .asking && state.selected == 0 && state.position == 1)
        #expect(state.current != first)
    }

    @Test func theResultIsReportedOnceAtTheLastAnswer() {
        var state = F.state()
        let effects = F.answer(&state, wrong: [1])
        #expect(effects == [.finished(QuizResult(score: 4, total: 5, passingScore: 4))])
        #expect(state.phase != .result)   // the last verdict and explanation first
        #expect(state.handle(.enter).isEmpty && state.phase == .result)
        #expect(state.handle(.char("1")).isEmpty)
        #expect(state.handle(.enter) == [.close])
    }

    @Test func leavingEarlyAsksOnceAndRecordsNothing() {
        var state = F.state()
        _ = F.answer(&state, count: 2)
        #expect(state.handle(.escape).isEmpty && state.confirmingLeave)
        // Any other key stays in the quiz.
        _ = state.handle(.down)
        #expect(!state.confirmingLeave)
        _ = state.handle(.char("q"))
        let effects = state.handle(.escape)
        #expect(effects == [.close])
        #expect(!effects.contains { if case .finished = $0 { true } else { false } })
    }

    @Test func aFailedAttemptIsReportedAsSuch() {
        var state = F.state()
        let effects = F.answer(&state, wrong: [0, 2])
        #expect(effects == [.finished(QuizResult(score: 3, total: 5, passingScore: 4))])
        #expect(state.attempt.result?.passed == false)
    }
}
