import Foundation
import Testing
@testable import SpotlightCore

private extension SeededRandom {
    var nextValue: UInt64 { var copy = self; return copy.next() }
}

@Suite struct CertificationQuizTests {
    typealias F = CertificationFixtures

    @Test func aSeedFixesTheShuffleAndDifferentSeedsDiffer() {
        let a = QuizAttempt(quiz: F.quiz, seed: 7), b = QuizAttempt(quiz: F.quiz, seed: 7)
        #expect(a == b)
        let orders = Set((0..<20).map { QuizAttempt(quiz: F.quiz, seed: UInt64($0)).questionOrder })
        #expect(orders.count > 1)
        let answerOrders = Set((0..<20).map { QuizAttempt(quiz: F.quiz, seed: UInt64($0)).answerOrders })
        #expect(answerOrders.count > 1)
    }

    /// The seed's meaning must not change with a Swift release: this order is part of the format.
    @Test func theShuffleOfASeedIsPinned() {
        let attempt = QuizAttempt(quiz: F.quiz, seed: 42)
        #expect(attempt.questionOrder == [2, 0, 3, 1])
        #expect(attempt.answerOrders == [[2, 3, 1, 0], [2, 0, 1], [0, 1], [1, 0]])
        #expect(SeededRandom(seed: 0).nextValue == 0xE220_A839_7B1D_CDAF)   // SplitMix64's published first output
    }

    @Test func anInjectedRandomSourceIsUsed() {
        var rng = SeededRandom(seed: 42)
        #expect(QuizAttempt(quiz: F.quiz, using: &rng) == QuizAttempt(quiz: F.quiz, seed: 42))
    }

    @Test func everyQuestionAndAnswerIsShownOnce() {
        for seed in 0..<50 {
            let attempt = QuizAttempt(quiz: F.quiz, seed: UInt64(seed))
            #expect(attempt.questionOrder.sorted() == Array(F.quiz.questions.indices))
            for (position, original) in attempt.questionOrder.enumerated() {
                let shown = attempt.prompt(at: position)
                let question = F.quiz.questions[original]
                #expect(shown.text == question.text)
                #expect(shown.answers.sorted() == question.answers.sorted())
                #expect(shown.answers[attempt.correctChoice(at: position)] == question.answers[question.correct])
            }
        }
    }

    @Test func promptsCarryNoKey() {
        let attempt = QuizAttempt(quiz: F.quiz, seed: 9)
        #expect(attempt.prompts.count == 4)
        #expect(attempt.prompts[1] == attempt.prompt(at: 1))
        #expect(attempt.verdict(at: 0) == nil)
    }

    @Test func scoringAndPassing() throws {
        var all = QuizAttempt(quiz: F.quiz, seed: 1)
        try F.complete(&all)
        #expect(all.result == QuizResult(score: 4, total: 4, passingScore: 3))
        #expect(all.result?.passed == true)

        var oneWrong = QuizAttempt(quiz: F.quiz, seed: 1)
        try F.complete(&oneWrong, wrongAt: [2])
        #expect(oneWrong.score == 3 && oneWrong.result?.passed == true)
        #expect(oneWrong.wasCorrect(at: 2) == false && oneWrong.wasCorrect(at: 0) == true)

        var twoWrong = QuizAttempt(quiz: F.quiz, seed: 1)
        try F.complete(&twoWrong, wrongAt: [0, 3])
        #expect(twoWrong.result == QuizResult(score: 2, total: 4, passingScore: 3))
        #expect(twoWrong.result?.passed == false)
    }

    @Test func anUnfinishedAttemptHasNoResult() throws {
        var attempt = QuizAttempt(quiz: F.quiz, seed: 3)
        let verdict = try attempt.answer(attempt.correctChoice(at: 0))
        #expect(verdict.isRight && verdict == attempt.verdict(at: 0))
        #expect(verdict.explanation == F.quiz.questions[attempt.questionOrder[0]].explanation)
        #expect(attempt.result == nil && !attempt.isComplete && attempt.position == 1)
    }

    @Test func answersOutsideTheQuestionAndAfterTheEndAreRefused() throws {
        var attempt = QuizAttempt(quiz: F.quiz, seed: 3)
        let count = attempt.prompt(at: 0).answers.count
        #expect(throws: SpotlightError.usage("choose an answer from 1 to \(count)")) { _ = try attempt.answer(count) }
        #expect(throws: SpotlightError.self) { _ = try attempt.answer(-1) }
        try F.complete(&attempt)
        #expect(throws: SpotlightError.usage("the quiz is already complete")) { _ = try attempt.answer(0) }
    }

    // MARK: - Limits of a program built in memory

    @Test func theFixtureProgramIsValid() {
        #expect(throws: Never.self) { try CertLimits.check(F.program) }
    }

    @Test func programRulesHoldWithoutTheFile() {
        func refused(_ change: (inout CertProgram) -> Void) -> String? {
            var p = F.program
            change(&p)
            do { try CertLimits.check(p); return nil } catch { return error.message }
        }
        #expect(refused { $0.quiz.questions = [] } == "the quiz has no questions")
        #expect(refused { $0.quiz.passingScore = 5 } == "the passing score must be 1 to 4 (the number of questions), got 5")
        #expect(refused { $0.quiz.questions[0].answers = ["only"] } == "question 1: has 1 answer; a question has 2 to 6")
        #expect(refused { $0.quiz.questions[1].answers = ["a", "b", "c", "d", "e", "f", "g"] } == "question 2: has 7 answers; a question has 2 to 6")
        #expect(refused { $0.quiz.questions[2].answers[3] = " own  THE fix\u{200B}" } == "question 3: answers 2 and 4 are the same answer")
        #expect(refused { $0.quiz.questions[0].correct = 3 } == "question 1: the correct answer must be 1 to 3, got 4")
        #expect(refused { $0.quiz.questions = Array(repeating: F.quiz.questions[0], count: CertLimits.maxQuestions + 1) }
                == "the quiz has \(CertLimits.maxQuestions + 1) questions; the limit is \(CertLimits.maxQuestions)")
        #expect(refused { $0.quiz.questions[0].text = String(repeating: "W", count: 4000) }
                == "question 1: the text is 4000 bytes; the limit is \(CertLimits.maxQuestionBytes)")
        #expect(refused { $0.levels[1].number = 3 } == "level 2 is numbered 3; levels count up from 1")
        #expect(refused { $0.name = "\u{200B}\u{202E} " } == "the program name is empty")
    }
}
