import Foundation
import SpotlightCore
import SpotlightStore

/// Certification in file mode: the store's own operations (rules, transaction, audit).
extension SQLiteBoard {
    @discardableResult
    public func addProgram(_ program: CertProgram) async throws(SpotlightError) -> CertProgram {
        try await connected().addProgram(program)
    }

    public func programs() async throws(SpotlightError) -> [CertProgram] { try await connected().programs() }
    public func program(named name: String) async throws(SpotlightError) -> CertProgram { try await connected().program(named: name) }
    public func startQuiz(_ program: String) async throws(SpotlightError) -> QuizSitting { try await connected().startQuiz(program) }

    public func finishQuiz(_ attempt: Int, answers: [Int]) async throws(SpotlightError) -> QuizResult {
        try await connected().finishQuiz(attempt, answers: answers)
    }

    public func answerQuiz(_ attempt: Int, position: Int, choice: Int) async throws(SpotlightError) -> QuizVerdict {
        try await connected().answerQuiz(attempt, position: position, choice: choice)
    }

    @discardableResult
    public func grantCertification(to login: String, program: String, level: Int, note: String) async throws(SpotlightError) -> Certification {
        try await connected().grantCertification(to: login, program: program, level: level, note: note)
    }

    public func revokeCertification(of login: String, program: String, level: Int) async throws(SpotlightError) {
        try await connected().revokeCertification(of: login, program: program, level: level)
    }

    public func certifications(of login: String) async throws(SpotlightError) -> [Certification] {
        try await connected().certifications(of: login)
    }

    public func recentCertifications(since: Date, limit: Int) async throws(SpotlightError) -> [Certification] {
        try await connected().recentCertifications(since: since, limit: limit)
    }
}
