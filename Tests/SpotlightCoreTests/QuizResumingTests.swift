import Foundation
@testable import SpotlightCore
import Testing

/// The grading steps every board shares (`QuizAttempt+Resuming`).
@Suite struct QuizResumingTests {
    static let seed: UInt64 = 7

    static func fresh() -> QuizAttempt { QuizAttempt(quiz: CertificationFixtures.quiz, seed: seed) }

    @Test func storedAnswersReplayToTheSameAttempt() throws {
        var attempt = Self.fresh()
        _ = try attempt.answer(1)
        _ = try attempt.answer(0)
        #expect(attempt.storedAnswers == "1,0")
        let replayed = try QuizAttempt.replaying(attempt.storedAnswers, quiz: CertificationFixtures.quiz, seed: Self.seed, attempt: 4)
        #expect(replayed == attempt)
        #expect(try QuizAttempt.replaying("", quiz: CertificationFixtures.quiz, seed: Self.seed, attempt: 4) == Self.fresh())
    }

    @Test func storedAnswersEditedByHandAreDamage() {
        for stored in ["x", "1,,9", "0,0,0,0,0", "99"] {
            #expect(throws: SpotlightError.runtime("quiz attempt #4 on the board is damaged: run `spotlight doctor`"), "\(stored)") {
                _ = try QuizAttempt.replaying(stored, quiz: CertificationFixtures.quiz, seed: Self.seed, attempt: 4)
            }
        }
    }

    @Test func finishingKeepsTheAnswersAlreadyGiven() throws {
        var attempt = Self.fresh()
        _ = try attempt.answer(1)
        var finished = attempt
        try finished.finish(with: [1, 0, 0, 1], attempt: 3)
        #expect(finished.isComplete && finished.chosen == [1, 0, 0, 1])
        #expect(throws: SpotlightError.usage("quiz attempt #3 already has answers that differ; answers given cannot change")) {
            var changed = attempt
            try changed.finish(with: [0, 0, 0, 1], attempt: 3)
        }
        #expect(throws: SpotlightError.usage("the quiz has 4 questions; 2 answers came back")) {
            var short = attempt
            try short.finish(with: [1, 0], attempt: 3)
        }
    }

    @Test func answersComeOneQuestionAtATimeInOrder() throws {
        var attempt = Self.fresh()
        let verdict = try attempt.answer(attempt.correctChoice(at: 0), at: 0, attempt: 5)
        #expect(verdict.isRight && attempt.position == 1)
        #expect(throws: SpotlightError.usage("question 1 of quiz attempt #5 is already answered")) {
            _ = try attempt.answer(0, at: 0, attempt: 5)
        }
        #expect(throws: SpotlightError.usage("answer question 2 of quiz attempt #5 first")) {
            _ = try attempt.answer(0, at: 2, attempt: 5)
        }
        #expect(attempt.position == 1, "a refused answer changes nothing")
    }
}
