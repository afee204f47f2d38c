import Foundation
import Testing
import SpotlightApp
import SpotlightCore
import SpotlightStore

/// Certification (issue 16) against every `BoardService`: programs, quiz attempts graded inside
/// the service, grants and revokes by the rules of `CertificationRules`, each with its audit record.
@Suite struct CertificationConformanceTests {
    typealias P = People

    static let program = CertProgram(
        name: "Service Standards",
        levels: [
            CertLevel(number: 1, title: "Standards", requires: "Pass the quiz"),
            CertLevel(number: 2, title: "Case Studies", requires: "Three cases"),
            CertLevel(number: 3, title: "Customer Proven", requires: "Survey marks"),
        ],
        quiz: Quiz(questions: [
            QuizQuestion(text: "Who comes first?", answers: ["The caller", "The email", "The meeting"], correct: 0),
            QuizQuestion(text: "First reply to an email?", answers: ["One business day", "One week"], correct: 0),
            QuizQuestion(text: "An angry customer?", answers: ["Blame", "Own the fix", "Hang up", "Transfer"], correct: 1),
        ], passingScore: 2))

    /// The shown answers of `sitting`, right except at `wrong` positions, worked out from the
    /// program and the seed as a test (never the service) may.
    static func answers(_ sitting: QuizSitting, wrongAt wrong: Set<Int> = []) -> [Int] {
        let attempt = QuizAttempt(quiz: program.quiz, seed: sitting.seed)
        return (0..<attempt.count).map { position in
            let correct = attempt.correctChoice(at: position)
            return wrong.contains(position) ? (correct + 1) % sitting.prompts[position].answers.count : correct
        }
    }

    @Test(arguments: BoardKind.allCases)
    func aManagerAddsAProgramOnceByName(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.addProgram(Self.program)
        #expect(try await dana.programs() == [Self.program])
        #expect(try await dana.program(named: "  service STANDARDS ") == Self.program)
        var twin = Self.program
        twin.name = "SERVICE  standards"
        await #expect(throws: SpotlightError.usage("the board already has a program named Service Standards")) {
            try await dana.addProgram(twin)
        }
        await #expect(throws: SpotlightError.notFound("no certification program named Nope (see `spotlight cert program list`)")) {
            _ = try await dana.program(named: "Nope")
        }
        let john = try await board.open(as: P.john)
        var other = Self.program
        other.name = "Other"
        await #expect(throws: SpotlightError.self) { try await john.addProgram(other) }
        var empty = other
        empty.quiz.questions = []
        await #expect(throws: SpotlightError.usage("the quiz has no questions")) { try await dana.addProgram(empty) }
        #expect(try await dana.programs().count == 1)
        #expect(try await dana.auditEvents().first.map { [$0.action, $0.detail] }
                == ["cert-program", "added certification program Service Standards"])
        await dana.close(); await john.close()
    }

    @Test(arguments: BoardKind.allCases)
    func aPassRecordsLevelOneAndAFailNothing(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.addProgram(Self.program)
        let john = try await board.open(as: P.john)
        let first = try await john.startQuiz("service standards")
        #expect(first.prompts.count == 3 && first.passingScore == 2 && first.program == "Service Standards")
        let failed = try await john.finishQuiz(first.id, answers: Self.answers(first, wrongAt: [0, 1]))
        #expect(failed == QuizResult(score: 1, total: 3, passingScore: 2))
        #expect(try await john.certifications(of: "jpark").isEmpty)
        await #expect(throws: SpotlightError.usage("quiz attempt #\(first.id) is already finished")) {
            _ = try await john.finishQuiz(first.id, answers: Self.answers(first))
        }
        let second = try await john.startQuiz("Service Standards")
        await #expect(throws: SpotlightError.usage("the quiz has 3 questions; 1 answer came back")) {
            _ = try await john.finishQuiz(second.id, answers: [0])
        }
        await #expect(throws: SpotlightError.notFound("you have no quiz attempt #\(second.id)")) {
            _ = try await dana.finishQuiz(second.id, answers: Self.answers(second))
        }
        let passed = try await john.finishQuiz(second.id, answers: Self.answers(second, wrongAt: [2]))
        #expect(passed.passed && passed.score == 2)
        let held = try await dana.certifications(of: "jpark")
        #expect(held.map { [$0.program, "\($0.level)", $0.source.rawValue, $0.grantedBy, $0.note] }
                == [["Service Standards", "1", "quiz", "jpark", "2 of 3 correct (2 needed to pass)"]])
        #expect(held.first?.at == P.now)
        #expect(try await dana.auditEvents().first.map { [$0.action, $0.actor, $0.detail] }
                == ["cert-pass", "jpark", "passed the quiz of Service Standards: 2 of 3 correct (2 needed to pass)"])
        await #expect(throws: SpotlightError.usage("you already hold Service Standards, level 1 (Standards)")) {
            _ = try await john.startQuiz("Service Standards")
        }
        #expect(try await dana.recentCertifications(since: P.now, limit: 10).map(\.login) == ["jpark"])
        #expect(try await dana.recentCertifications(since: P.now.addingTimeInterval(1), limit: 10).isEmpty)
        await dana.close(); await john.close()
    }

    @Test(arguments: BoardKind.allCases)
    func attemptsAreLimitedPerDayByTheBoardsSetting(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.addProgram(Self.program)
        #expect(try await dana.settings().quizAttemptsPerDay == 3)
        try await dana.setSetting("quiz-attempts-per-day", to: "2")
        await #expect(throws: SpotlightError.usage("setting quiz-attempts-per-day must be a whole number from 1 to 20, got '21'")) {
            try await dana.setSetting("quiz-attempts-per-day", to: "21")
        }
        let john = try await board.open(as: P.john)
        #expect(try await john.startQuiz("Service Standards").attemptsLeft == 1)   // a hang-up: never finished, still counted
        #expect(try await john.startQuiz("Service Standards").attemptsLeft == 0)
        await #expect(throws: SpotlightError.permission("you have used 2 quiz attempts in the last 24 hours (the limit is 2); try again in 24 h")) {
            _ = try await john.startQuiz("Service Standards")
        }
        let tomorrow = try await board.open(as: P.john, clock: .fixed(P.now.addingTimeInterval(24 * 3600)))
        let sitting = try await tomorrow.startQuiz("Service Standards")
        #expect(try await tomorrow.finishQuiz(sitting.id, answers: Self.answers(sitting)).passed)
        await dana.close(); await john.close(); await tomorrow.close()
    }

    @Test(arguments: BoardKind.allCases)
    func managersGrantHigherLevelsAndRevokeWithinADay(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.addProgram(Self.program)
        let john = try await board.open(as: P.john)
        await #expect(throws: SpotlightError.usage("jpark needs level 1 of Service Standards before level 2")) {
            try await dana.grantCertification(to: "jpark", program: "Service Standards", level: 2, note: "")
        }
        let sitting = try await john.startQuiz("Service Standards")
        _ = try await john.finishQuiz(sitting.id, answers: Self.answers(sitting))
        await #expect(throws: SpotlightError.permission("you cannot certify yourself")) {
            try await dana.grantCertification(to: "dana", program: "Service Standards", level: 2, note: "")
        }
        await #expect(throws: SpotlightError.usage("Service Standards has no level 7; its levels are 1 to 3")) {
            try await dana.grantCertification(to: "jpark", program: "Service Standards", level: 7, note: "")
        }
        let mary = try await board.open(as: P.mary)
        await #expect(throws: SpotlightError.permission("only a manager may grant a certification; mlopez is not a manager of this board")) {
            try await mary.grantCertification(to: "jpark", program: "Service Standards", level: 2, note: "")
        }
        await mary.close()
        let granted = try await dana.grantCertification(to: "jpark", program: "service standards", level: 2, note: "Three fine cases")
        #expect(granted.program == "Service Standards" && granted.grantedBy == "dana" && granted.source == .manager)
        #expect(granted.note == "Three fine cases" && granted.at == P.now)
        await #expect(throws: SpotlightError.usage("jpark already holds Service Standards, level 2 (Case Studies)")) {
            try await dana.grantCertification(to: "jpark", program: "Service Standards", level: 2, note: "")
        }
        #expect(try await john.certifications(of: "jpark").map(\.level).sorted() == [1, 2])
        #expect(try await dana.auditEvents().first.map { [$0.action, $0.detail] }
                == ["cert-grant", "granted Service Standards, level 2 (Case Studies) to jpark"])

        await #expect(throws: SpotlightError.usage("jpark holds a higher level of Service Standards; revoke that first")) {
            try await dana.revokeCertification(of: "jpark", program: "Service Standards", level: 1)
        }
        let later = try await board.open(clock: .fixed(P.now.addingTimeInterval(25 * 3600)))
        await #expect(throws: SpotlightError.permission("a certification can only be revoked within 24 hours of being granted")) {
            try await later.revokeCertification(of: "jpark", program: "Service Standards", level: 2)
        }
        try await dana.revokeCertification(of: "jpark", program: "Service Standards", level: 2)
        #expect(try await john.certifications(of: "jpark").map(\.level) == [1])
        #expect(try await dana.auditEvents().first.map { [$0.action, $0.detail] }
                == ["cert-revoke", "revoked Service Standards, level 2 (Case Studies) of jpark"])
        await #expect(throws: SpotlightError.notFound("jpark does not hold Service Standards, level 2 (Case Studies)")) {
            try await dana.revokeCertification(of: "jpark", program: "Service Standards", level: 2)
        }
        // Revoked, it can be granted again.
        try await dana.grantCertification(to: "jpark", program: "Service Standards", level: 2, note: "")
        #expect(try await john.certifications(of: "jpark").map(\.level).sorted() == [1, 2])
        await dana.close(); await john.close(); await later.close()
    }

    @Test(arguments: BoardKind.allCases)
    func answersGradedOneByOneAreKeptAndTheLastFinishesTheAttempt(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        try await dana.addProgram(Self.program)
        let john = try await board.open(as: P.john)
        let sitting = try await john.startQuiz("Service Standards")
        let right = Self.answers(sitting)
        let wrong = Self.answers(sitting, wrongAt: [0])
        let first = try await john.answerQuiz(sitting.id, position: 0, choice: wrong[0])
        #expect(first == QuizVerdict(chosen: wrong[0], correct: right[0], explanation: nil) && !first.isRight)
        await #expect(throws: SpotlightError.usage("question 1 of quiz attempt #\(sitting.id) is already answered")) {
            _ = try await john.answerQuiz(sitting.id, position: 0, choice: right[0])
        }
        await #expect(throws: SpotlightError.usage("answer question 2 of quiz attempt #\(sitting.id) first")) {
            _ = try await john.answerQuiz(sitting.id, position: 2, choice: right[2])
        }
        await #expect(throws: SpotlightError.usage("quiz attempt #\(sitting.id) already has answers that differ; answers given cannot change")) {
            _ = try await john.finishQuiz(sitting.id, answers: right)
        }
        #expect(try await john.answerQuiz(sitting.id, position: 1, choice: right[1]).isRight)
        #expect(try await john.certifications(of: "jpark").isEmpty)
        #expect(try await john.answerQuiz(sitting.id, position: 2, choice: right[2]).isRight)
        #expect(try await john.certifications(of: "jpark").map(\.note) == ["2 of 3 correct (2 needed to pass)"])
        await #expect(throws: SpotlightError.usage("quiz attempt #\(sitting.id) is already finished")) {
            _ = try await john.answerQuiz(sitting.id, position: 2, choice: right[2])
        }
        await dana.close(); await john.close()
    }

    /// A backup keeps who holds what: programs, held and revoked levels and attempts (finished
    /// and not) survive export → import → export, and across the two kinds of board.
    @Test(arguments: BoardKind.allCases)
    func certificationsSurviveExportAndImport(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        #expect(try await dana.export().certification == nil)
        try await dana.addProgram(Self.program)
        let john = try await board.open(as: P.john)
        let sitting = try await john.startQuiz("Service Standards")
        _ = try await john.finishQuiz(sitting.id, answers: Self.answers(sitting))
        try await dana.grantCertification(to: "jpark", program: "Service Standards", level: 2, note: "cases")
        try await dana.revokeCertification(of: "jpark", program: "Service Standards", level: 2)
        let mary = try await board.open(as: P.mary)
        let open = try await mary.startQuiz("Service Standards")
        _ = try await mary.answerQuiz(open.id, position: 0, choice: 1)
        let exported = try await dana.export()
        let records = try #require(exported.certification)
        #expect(records.programs.map(\.program) == [Self.program])
        #expect(records.certifications.map { [$0.login, "\($0.level)", $0.revokedBy ?? "-"] } == [["jpark", "1", "-"], ["jpark", "2", "dana"]])
        #expect(records.attempts.map { [$0.login, $0.answers, $0.passed.map { "\($0)" } ?? "-"] }.last == ["mlopez", "1", "-"])
        for target in BoardKind.allCases {
            let copy = try await target.makeBoard()
            let importer = try await copy.open()
            try await importer.importBoard(exported)
            #expect(try await importer.export() == target.kept(exported), "\(kind) → \(target)")
            #expect(try await importer.certifications(of: "jpark").map(\.level) == [1])
            let maryAgain = try await copy.open(as: P.mary)
            #expect(try await maryAgain.answerQuiz(open.id, position: 1, choice: 0).chosen == 0, "the attempt goes on where it was")
            await importer.close(); await maryAgain.close()
        }
        var broken = exported
        broken.certification?.certifications[0].programID = 9
        let other = try await kind.makeBoard()
        let importer = try await other.open()
        await #expect(throws: SpotlightError.usage("import: certification #1 names a program or level that is not in the file")) {
            try await importer.importBoard(broken)
        }
        #expect(try await importer.programs().isEmpty)
        await dana.close(); await john.close(); await mary.close(); await importer.close()
    }

    @Test(arguments: BoardKind.allCases)
    func anotherHandleHearsACertification(kind: BoardKind) async throws {
        let board = try await kind.makeBoard()
        let dana = try await board.open()
        let john = try await board.open(as: P.john, clock: movingClock())
        let recorder = ChangeRecorder(john.changes())
        try await dana.addProgram(Self.program)
        #expect(await recorder.waitFor(count: 1))
        await dana.close(); await john.close()
    }
}
