import Foundation
import SpotlightCore

/// The certifications the reports acknowledge (issue 16): the newsletter's "Certified this
/// period" and the stats' figure. A report must not fail on a read-only board made before
/// certifications existed (schema 1), so such a board simply has none.
public enum CertificationReports {
    /// Upper bound on what one report reads; far above a board's certifications in any period.
    static let readLimit = 10_000

    /// Held certifications earned or granted in [start, end), oldest first.
    public static func certifications(_ board: any BoardService, from start: Date, to end: Date)
        async throws(SpotlightError) -> [Certification] {
        guard try await board.schemaVersion() >= 2 else { return [] }
        return try await board.recentCertifications(since: start, limit: readLimit)
            .filter { $0.at < end }.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// The programs, for their level titles (none on a board without certifications).
    public static func programs(_ board: any BoardService) async throws(SpotlightError) -> [CertProgram] {
        guard try await board.schemaVersion() >= 2 else { return [] }
        return try await board.programs()
    }
}
