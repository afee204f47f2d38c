import Foundation
import Testing
@testable import SpotlightCore

@Suite struct CertificationRulesTests {
    typealias F = CertificationFixtures
    let program = F.program

    func grant(_ level: Int, to login: String = "jpark", by actor: Account = F.manager, isManager: Bool = true,
               held: [Certification] = [F.held("jpark", 1)], note: String = "") throws(SpotlightError) {
        try CertificationRules.checkGrant(by: actor, isManager: isManager, to: login, program: program, level: level, held: held, note: note)
    }

    @Test func aManagerGrantsTheNextLevel() {
        #expect(throws: Never.self) { try grant(2) }
        #expect(throws: Never.self) { try grant(3, held: [F.held("jpark", 1), F.held("jpark", 2)]) }
    }

    @Test func onlyManagersGrant() {
        #expect(throws: SpotlightError.permission("only a manager may grant a certification; jpark is not a manager of this board")) {
            try grant(2, to: "someone", by: F.staff, isManager: false)
        }
    }

    @Test func nobodyCertifiesThemselves() {
        #expect(throws: SpotlightError.permission("you cannot certify yourself")) {
            try grant(2, to: "mboss", held: [F.held("mboss", 1)])
        }
    }

    @Test func aLevelTheProgramLacksIsRefused() {
        for level in [0, 4, -1] {
            #expect(throws: SpotlightError.usage("Service Standards has no level \(level); its levels are 1 to 3")) { try grant(level) }
        }
    }

    @Test func levelOneIsEarnedByTheQuizOnly() {
        #expect(throws: SpotlightError.self) { try grant(1, held: []) }
    }

    @Test func theSameLevelIsNotGrantedTwice() {
        let held = [F.held("jpark", 1), F.held("jpark", 2)]
        #expect(throws: SpotlightError.usage("jpark already holds Service Standards, level 2 (Case Studies)")) { try grant(2, held: held) }
        // The program is compared as names are: case and invisible characters do not make it another.
        let disguised = [F.held("jpark", 1), F.held("jpark", 2, program: "service\u{200B} STANDARDS")]
        #expect(throws: SpotlightError.self) { try grant(2, held: disguised) }
        // Someone else's level 2 is not theirs.
        #expect(throws: Never.self) { try grant(2, held: [F.held("jpark", 1), F.held("other", 2)]) }
    }

    @Test func levelsAreClimbedInOrder() {
        #expect(throws: SpotlightError.usage("jpark needs level 2 of Service Standards before level 3")) { try grant(3) }
        #expect(throws: SpotlightError.usage("jpark needs level 1 of Service Standards before level 2")) { try grant(2, held: []) }
    }

    @Test func theNoteIsBounded() {
        #expect(throws: Never.self) { try grant(2, note: String(repeating: "a", count: CertLimits.maxNoteBytes)) }
        #expect(throws: SpotlightError.self) { try grant(2, note: String(repeating: "a", count: CertLimits.maxNoteBytes + 1)) }
    }

    // MARK: - Revoking

    @Test func theGranterRevokesWithin24Hours() {
        let given = F.held("jpark", 2, hoursAgo: 23.9)
        #expect(throws: Never.self) {
            try CertificationRules.checkRevoke(by: F.manager, isManager: true, given, held: [F.held("jpark", 1), given], now: F.now)
        }
        let old = F.held("jpark", 2, hoursAgo: 24.1)
        #expect(throws: SpotlightError.permission("a certification can only be revoked within 24 hours of being granted")) {
            try CertificationRules.checkRevoke(by: F.manager, isManager: true, old, held: [old], now: F.now)
        }
    }

    @Test func anotherManagerCannotRevokeAGrantButMayRevokeAQuizPass() {
        let other = Account(login: "kchan")
        let given = F.held("jpark", 2, hoursAgo: 1)
        #expect(throws: SpotlightError.permission("only mboss, who granted it, may revoke this certification")) {
            try CertificationRules.checkRevoke(by: other, isManager: true, given, held: [given], now: F.now)
        }
        let passed = F.held("jpark", 1, hoursAgo: 1)
        #expect(throws: Never.self) { try CertificationRules.checkRevoke(by: other, isManager: true, passed, held: [passed], now: F.now) }
        #expect(throws: SpotlightError.self) { try CertificationRules.checkRevoke(by: F.staff, isManager: false, passed, held: [passed], now: F.now) }
    }

    @Test func aLevelUnderAHigherOneStays() {
        let one = F.held("jpark", 1, hoursAgo: 2), two = F.held("jpark", 2, hoursAgo: 1)
        #expect(throws: SpotlightError.usage("jpark holds a higher level of Service Standards; revoke that first")) {
            try CertificationRules.checkRevoke(by: F.manager, isManager: true, one, held: [one, two], now: F.now)
        }
    }

    // MARK: - Quiz attempts

    @Test func attemptsAreLimitedPer24Hours() {
        let hours: [Double] = [23, 10, 1]
        let attempts = hours.map { F.now.addingTimeInterval(-$0 * 3600) }
        #expect(throws: Never.self) {
            try CertificationRules.checkQuizStart(by: F.staff, program: program, held: [], attempts: Array(attempts.prefix(2)), perDay: 3, now: F.now)
        }
        // The oldest of the three leaves the window in an hour.
        #expect(throws: SpotlightError.permission("you have used 3 quiz attempts in the last 24 hours (the limit is 3); try again in 1 h")) {
            try CertificationRules.checkQuizStart(by: F.staff, program: program, held: [], attempts: attempts, perDay: 3, now: F.now)
        }
        // With a limit of 2, two must leave; the second, from 10 hours ago, leaves in 14 h.
        #expect(throws: SpotlightError.permission("you have used 3 quiz attempts in the last 24 hours (the limit is 2); try again in 14 h")) {
            try CertificationRules.checkQuizStart(by: F.staff, program: program, held: [], attempts: attempts, perDay: 2, now: F.now)
        }
        // Attempts older than a day do not count.
        let old = [25.0, 30, 48].map { F.now.addingTimeInterval(-$0 * 3600) }
        #expect(throws: Never.self) {
            try CertificationRules.checkQuizStart(by: F.staff, program: program, held: [], attempts: old, perDay: 1, now: F.now)
        }
    }

    @Test func whoHoldsLevelOneDoesNotRetakeTheQuiz() {
        #expect(throws: SpotlightError.usage("you already hold Service Standards, level 1 (Standards)")) {
            try CertificationRules.checkQuizStart(by: F.staff, program: program, held: [F.held("jpark", 1)], attempts: [], perDay: 3, now: F.now)
        }
    }

    @Test func aPassEarnsLevelOneAndAFailNothing() throws {
        let pass = QuizResult(score: 3, total: 4, passingScore: 3)
        let earned = try #require(CertificationRules.certification(for: pass, login: "jpark", program: program, at: F.now))
        #expect(earned.level == 1 && earned.source == .quiz && earned.grantedBy == "jpark")
        #expect(earned.note == "3 of 4 correct (3 needed to pass)")
        #expect(CertificationRules.certification(for: QuizResult(score: 2, total: 4, passingScore: 3), login: "jpark", program: program, at: F.now) == nil)
    }

    @Test func onlyManagersSeeTheAnswerKey() {
        #expect(throws: Never.self) { try CertificationRules.checkAnswerKey(by: F.manager, isManager: true) }
        #expect(throws: SpotlightError.self) { try CertificationRules.checkAnswerKey(by: F.staff, isManager: false) }
    }

    @Test func waitsAreRoundedUp() {
        #expect(CertificationRules.waitText(1) == "1 min")
        #expect(CertificationRules.waitText(61) == "2 min")
        #expect(CertificationRules.waitText(3600) == "1 h")
        #expect(CertificationRules.waitText(5 * 3600 + 11 * 60 + 1) == "5 h 12 min")
    }
}
