import Foundation
@testable import SpotlightCore

/// A small program for the certification tests: three levels, a four-question quiz, pass at 3.
enum CertificationFixtures {
    static let quiz = Quiz(questions: [
        QuizQuestion(text: "Who comes first?", answers: ["The caller", "The email", "The meeting"], correct: 0,
                     explanation: "The person waiting."),
        QuizQuestion(text: "First reply to an email?", answers: ["One business day", "One week"], correct: 0),
        QuizQuestion(text: "An angry customer?", answers: ["Blame", "Own the fix", "Hang up", "Transfer"], correct: 1),
        QuizQuestion(text: "A promise you cannot keep yet?", answers: ["Wait", "Call as promised"], correct: 1),
    ], passingScore: 3)

    static let program = CertProgram(
        name: "Service Standards",
        levels: [
            CertLevel(number: 1, title: "Standards", requires: "Pass the quiz"),
            CertLevel(number: 2, title: "Case Studies", requires: "Three cases"),
            CertLevel(number: 3, title: "Customer Proven", requires: "Survey marks"),
        ],
        quiz: quiz
    )

    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let manager = Account(login: "mboss", displayName: "Maria Boss")
    static let staff = Account(login: "jpark", displayName: "John Park")

    static func held(_ login: String, _ level: Int, by granter: String = "mboss", hoursAgo: Double = 48,
                     program: String = "Service Standards") -> Certification {
        Certification(id: level, login: login, program: program, level: level, source: level == 1 ? .quiz : .manager,
                      grantedBy: level == 1 ? login : granter, at: now.addingTimeInterval(-hoursAgo * 3600))
    }

    /// Answers every question of `attempt` right except those at `wrong` positions.
    static func complete(_ attempt: inout QuizAttempt, wrongAt wrong: Set<Int> = []) throws {
        while !attempt.isComplete {
            let correct = attempt.correctChoice(at: attempt.position)
            let count = attempt.prompt(at: attempt.position).answers.count
            let choice = wrong.contains(attempt.position) ? (correct + 1) % count : correct
            _ = try attempt.answer(choice)
        }
    }
}
