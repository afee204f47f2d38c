import Foundation
import SpotlightCore
import SpotlightStore
import Testing

/// `doctor`'s judgement on rows already read (`OutsideChanges`), the same for every store; the
/// stores' own tests tamper with real tables (`BoardHardeningTests`, `PostgresBoardTests`).
@Suite struct OutsideChangesTests {
    @Test func eachCounterLineNamesTheFirstCounterThatIsOff() {
        #expect(OutsideChanges.counterLine(StoryCounters(id: 3, votes: 5, voteRows: 2, medallions: 9, medallionRows: 0, points: 0))
                == "story #3 shows 5 votes but 2 were cast")
        #expect(OutsideChanges.counterLine(StoryCounters(id: 3, votes: 2, voteRows: 2, medallions: 1, medallionRows: 0, points: 0))
                == "story #3 shows 1 medallion but 0 were given")
        #expect(OutsideChanges.counterLine(StoryCounters(id: 3, votes: 2, voteRows: 2, medallions: 0, medallionRows: 0, points: 40))
                == "story #3 shows 40 points, which its votes and medallions do not make")
    }

    @Test func managersMustMatchTheirAuditRecords() {
        let events = [
            AuditFact(actor: "dana", action: "init", detail: AuditDetail.created(firstManager: "dana")),
            AuditFact(actor: "dana", action: "add-manager", detail: AuditDetail.madeManager("mary")),
            AuditFact(actor: "dana", action: "add-manager", detail: AuditDetail.madeManager("john")),
            AuditFact(actor: "dana", action: "remove-manager", detail: AuditDetail.removedManager("john")),
            AuditFact(actor: "eve", action: "init", detail: "created the board; someone else is its first manager"),
        ]
        #expect(OutsideChanges.managerDifferences(managers: ["dana", "mary"], events: events).isEmpty)
        #expect(OutsideChanges.managerDifferences(managers: ["dana", "eve", "john"], events: events) == [
            "eve is a manager with no record of being made one",
            "john is a manager, but the audit log says they were removed",
            "mary is no longer a manager, with no record of their removal",
        ])
    }

    @Test func storiesMustMatchTheirLastAuditRecords() {
        let events = [
            AuditFact(storyID: 1, actor: "ann", action: "post"), AuditFact(storyID: 1, actor: "dana", action: "pin"),
            AuditFact(storyID: 1, actor: "dana", action: "hide"),
            AuditFact(storyID: 2, actor: "bob", action: "post"), AuditFact(storyID: 2, actor: "dana", action: "pin"),
            AuditFact(storyID: 3, actor: "cy", action: "post"),
        ]
        let honest = [StoryFacts(id: 1, author: "ann", status: "hidden", pinnedBy: "dana"),
                      StoryFacts(id: 2, author: "bob", status: "visible", pinnedBy: "dana"),
                      StoryFacts(id: 3, author: "cy", status: "visible", pinnedBy: nil)]
        #expect(OutsideChanges.storyDifferences(events: events, stories: honest).isEmpty)
        let edited = [StoryFacts(id: 1, author: "eve", status: "visible", pinnedBy: "eve"),
                      StoryFacts(id: 2, author: "bob", status: "visible", pinnedBy: nil),
                      StoryFacts(id: 4, author: "eve", status: "visible", pinnedBy: nil)]
        #expect(OutsideChanges.storyDifferences(events: events, stories: edited) == [
            "story #1 is credited to eve but was posted by ann",
            "story #1 is pinned by eve with no record of the pin",
            "story #1 is visible, but the audit log says hidden",
            "story #2 was unpinned with no record of it",
            "story #4 (credited to eve) has no record of being posted",
        ])
    }

    static let program = CertProgram(
        name: "Basics",
        levels: [CertLevel(number: 1, title: "Quiz", requires: "Pass"), CertLevel(number: 2, title: "Cases", requires: "Cases")],
        quiz: Quiz(questions: [QuizQuestion(text: "Who first?", answers: ["The caller", "The email"], correct: 0)], passingScore: 1))

    static func held(_ login: String, level: Int, by granter: String) -> Certification {
        Certification(id: level, login: login, program: "Basics", level: level, source: level == 1 ? .quiz : .manager,
                      grantedBy: granter, at: Date(timeIntervalSince1970: 1_795_521_600))
    }

    @Test func heldLevelsNeedARecordNotTakenBack() {
        let passed = AuditFact(actor: "ann", action: "cert-pass", detail: "passed the quiz of Basics: 1 of 1 correct (1 needed to pass)")
        let granted = AuditFact(actor: "dana", action: "cert-grant", detail: "granted Basics, level 2 (Cases) to ann")
        let revoked = AuditFact(actor: "dana", action: "cert-revoke", detail: "revoked Basics, level 2 (Cases) of ann")
        let held = [Self.held("ann", level: 1, by: "ann"), Self.held("ann", level: 2, by: "dana")]
        let programs = ["Basics": Self.program]
        #expect(OutsideChanges.certificationDifferences(events: [passed, granted], held: held, programs: programs).isEmpty)
        #expect(OutsideChanges.certificationDifferences(events: [granted, revoked], held: held, programs: programs) == [
            "ann holds Basics, level 1 (Quiz) with no record of passing its quiz",
            "ann holds Basics, level 2 (Cases) with no record of it being granted",
        ])
        #expect(OutsideChanges.certificationDifferences(events: [passed], held: [Self.held("ann", level: 2, by: "ann")],
                                                        programs: programs)
                == ["ann holds Basics, level 2 (Cases) with no record of it being granted"], "granted by the holder, unrecorded")
    }
}
