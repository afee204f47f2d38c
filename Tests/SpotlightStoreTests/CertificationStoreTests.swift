import Foundation
import Testing
import SpotlightCore
@testable import SpotlightStore

/// The certification tables (schema 2) in the board file: an older board migrates, the schema
/// check knows the new objects, and a program damaged outside spotlight is refused.
@Suite struct CertificationStoreTests {
    static let program = CertProgram(
        name: "Service Standards",
        levels: [CertLevel(number: 1, title: "Standards", requires: "Pass the quiz")],
        quiz: Quiz(questions: [QuizQuestion(text: "Who comes first?", answers: ["The caller", "The email"], correct: 0)],
                   passingScore: 1))

    static let newTables = ["cert_programs", "certifications", "quiz_attempts"]

    @Test func aBoardOfSchemaOneMigratesToTheCertificationTables() async throws {
        let board = TempBoard()
        let store = try await board.open()
        _ = try await store.post(TempBoard.draft())
        await store.close()
        // What the previous version made: schema 1, without the new objects.
        try board.sqlite3("""
            DROP TABLE quiz_attempts; DROP TABLE certifications; DROP TABLE cert_programs; PRAGMA user_version = 1;
            """)
        let old = try await BoardStore.open(board.path, as: TempBoard.dana, mode: .existing, clock: .fixed(TempBoard.now))
        #expect(try await old.schemaVersion() == 2)
        #expect(try await old.schemaDifferences().isEmpty)
        let tables = try await old.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('cert_programs', 'certifications', 'quiz_attempts') ORDER BY name")
        #expect(tables.compactMap { $0.column("name")?.string } == Self.newTables.sorted())
        #expect(try await old.auditEvents().first.map { [$0.action, $0.detail] } == ["migrate", "schema upgraded to 2"])
        #expect(try await old.stories(StoryQuery()).count == 1)
        try await old.addProgram(Self.program)
        #expect(try await old.programs() == [Self.program])
        await old.close()
    }

    @Test func theSchemaCheckKnowsTheNewObjects() async throws {
        let board = TempBoard()
        let store = try await board.open()
        #expect(try await store.schemaDifferences().isEmpty)
        await store.close()
        try board.sqlite3("CREATE TRIGGER regrant AFTER UPDATE ON certifications BEGIN UPDATE certifications SET revoked_at = NULL; END;")
        let tampered = try await board.open()
        #expect(try await tampered.schemaDifferences() == ["a trigger regrant on certifications that spotlight did not make"])
        await #expect(throws: SpotlightError.self) { try await tampered.addProgram(Self.program) }
        await tampered.close()
        try board.sqlite3("DROP TRIGGER regrant; DROP INDEX certifications_held;")
        let missing = try await board.open()
        #expect(try await missing.schemaDifferences() == ["the index certifications_held is missing"])
        await missing.close()
    }

    @Test func aProgramDamagedOutsideSpotlightIsRefusedWhenRead() async throws {
        let board = TempBoard()
        let store = try await board.open()
        try await store.addProgram(Self.program)
        await store.close()
        try board.sqlite3(#"UPDATE cert_programs SET program = replace(program, '"passingScore":1', '"passingScore":9');"#)
        let reader = try await board.open()
        await #expect(throws: SpotlightError.runtime("the certification program Service Standards on the board is damaged (the passing score must be 1 to 1 (the number of questions), got 9): run `spotlight doctor`")) {
            _ = try await reader.programs()
        }
        await reader.close()
    }

    /// doctor: a level written with sqlite3 (someone certifying themselves) has no audit
    /// record; levels earned, granted and revoked through spotlight all have theirs.
    @Test func aCertificationWrittenOutsideSpotlightIsFound() async throws {
        let board = TempBoard()
        let dana = try await board.open()
        var program = Self.program
        program.levels.append(CertLevel(number: 2, title: "Case Studies", requires: "Three cases"))
        try await dana.addProgram(program)
        let john = try await board.open(as: TempBoard.john)
        let sitting = try await john.startQuiz("Service Standards")
        let right = QuizAttempt(quiz: program.quiz, seed: sitting.seed).correctChoice(at: 0)
        _ = try await john.finishQuiz(sitting.id, answers: [right])
        try await dana.grantCertification(to: "jpark", program: "Service Standards", level: 2, note: "")
        try await dana.revokeCertification(of: "jpark", program: "Service Standards", level: 2)
        try await dana.grantCertification(to: "jpark", program: "Service Standards", level: 2, note: "again")
        #expect(try await dana.outsideChanges().isEmpty)
        await dana.close(); await john.close()
        try board.sqlite3("INSERT INTO certifications(login, program_id, level, source, granted_by, at, note) VALUES ('mlopez', 1, 1, 'quiz', 'mlopez', 0, '')")
        try board.sqlite3("INSERT INTO certifications(login, program_id, level, source, granted_by, at, note) VALUES ('mlopez', 1, 2, 'manager', 'dana', 1, '')")
        let doctor = try await board.open()
        #expect(try await doctor.outsideChanges() == [
            "mlopez holds Service Standards, level 1 (Standards) with no record of passing its quiz",
            "mlopez holds Service Standards, level 2 (Case Studies) with no record of it being granted",
        ])
        await doctor.close()
    }
}
