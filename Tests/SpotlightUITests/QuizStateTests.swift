import SpotlightCore
import Testing
@testable import SpotlightUI

@Suite struct QuizStateTests {
    typealias F = QuizFixtures

    @Test func digitsAndArrowsChooseAndEnterAsksForAVerdict() {
        var state = F.state()
        let count = state.current.answers.count
        #expect(state.handle(.char("2")).isEmpty && state.selected == 1)
        _ = state.handle(.down)
        #expect(state.selected == min(2, count - 1))
        for _ in 0..<3 { _ = state.handle(.up) }
        #expect(state.selected == 0)
        // A digit beyond the answers, or a letter, changes nothing and answers nothing.
        #expect(state.handle(.char("9")).isEmpty && state.handle(.char("x")).isEmpty)
        #expect(state.selected == 0 && state.phase == .asking)
        #expect(state.handle(.enter) == [.answer(position: 0, choice: 0)])
        #expect(state.phase == .grading(choice: 0))
        // Keys wait for the verdict; a verdict for another choice is not this one.
        #expect(state.handle(.enter).isEmpty)
        state.receive(QuizVerdict(chosen: 1, correct: 0))
        #expect(state.phase == .grading(choice: 0))
        state.receive(QuizVerdict(chosen: 0, correct: 1, explanation: "why"))
        #expect(state.phase == .answered(QuizVerdict(chosen: 0, correct: 1, explanation: "why")))
        #expect(state.verdicts.count == 1 && state.position == 0)
    }

    @Test func theVerdictStaysUntilEnterThenTheNextQuestion() {
        var state = F.state(), grader = F.attempt()
        F.press(.enter, &state, grader: &grader)
        let first = state.current
        // Digits while the verdict shows do not answer the next question.
        F.press(.char("1"), &state, grader: &grader)
        #expect(grader.position == 1 && state.current == first)
        F.press(.enter, &state, grader: &grader)
        #expect(state.phase == .asking && state.selected == 0 && state.position == 1)
        #expect(state.current != first)
    }

    @Test func theScreenNeverHoldsTheKey() {
        // Built from prompts alone: nothing in the state says which answer is right until a
        // verdict arrives (the broker keeps the key, phase 2).
        let state = F.state()
        #expect(state.prompts == F.attempt().prompts)
        #expect(state.verdicts.isEmpty && state.result == nil)
    }

    @Test func theResultAtTheEndMatchesTheGrader() {
        var state = F.state(), grader = F.attempt()
        F.answer(&state, grader: &grader, wrong: [1])
        #expect(grader.result == QuizResult(score: 4, total: 5, passingScore: 4))
        #expect(state.result == grader.result)
        #expect(state.phase != .result)   // the last verdict and explanation first
        #expect(F.press(.enter, &state, grader: &grader).isEmpty && state.phase == .result)
        #expect(F.press(.char("1"), &state, grader: &grader).isEmpty)
        #expect(F.press(.enter, &state, grader: &grader) == [.close])
    }

    @Test func leavingEarlyAsksOnceAndLeavesNoResult() {
        var state = F.state(), grader = F.attempt()
        F.answer(&state, grader: &grader, count: 2)
        #expect(F.press(.escape, &state, grader: &grader).isEmpty && state.confirmingLeave)
        // Any other key stays in the quiz.
        F.press(.down, &state, grader: &grader)
        #expect(!state.confirmingLeave)
        F.press(.char("q"), &state, grader: &grader)
        #expect(F.press(.escape, &state, grader: &grader) == [.close])
        #expect(grader.result == nil && state.result == nil)
    }

    @Test func aFailedAttemptIsReportedAsSuch() {
        var state = F.state(), grader = F.attempt()
        F.answer(&state, grader: &grader, wrong: [0, 2])
        #expect(state.result == QuizResult(score: 3, total: 5, passingScore: 4))
        #expect(state.result?.passed == false)
    }
}
