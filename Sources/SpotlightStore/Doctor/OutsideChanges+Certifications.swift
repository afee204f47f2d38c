import SpotlightCore

extension OutsideChanges {
    /// Levels held with no audit record of being earned or granted (or taken back since): a
    /// certification written by hand — someone certifying themselves — shows here.
    /// `events`: the cert-pass, cert-grant and cert-revoke records; `held`: every unrevoked level,
    /// oldest first; `programs`: the stored program of each `held` one, by its name there.
    public static func certificationDifferences(events: [AuditFact], held: [Certification],
                                                programs: [String: CertProgram]) -> [String] {
        var passes: [String: Int] = [:], grants: [String: Int] = [:], revokes: [String: Int] = [:]
        for event in events {
            switch event.action {
            case "cert-pass": passes[event.actor + "\u{0}" + event.detail, default: 0] += 1
            case "cert-grant": grants[event.actor + "\u{0}" + event.detail, default: 0] += 1
            default: revokes[event.detail, default: 0] += 1
            }
        }
        var found: [String] = []
        for held in held {
            guard let program = programs[held.program] else { continue }
            let what = program.describe(level: held.level)
            let revoked = revokes["revoked \(what) of \(held.login)"] ?? 0
            let recorded: Int
            switch held.source {
            case .quiz:
                let prefix = held.login + "\u{0}passed the quiz of \(program.name): "
                recorded = passes.filter { $0.key.hasPrefix(prefix) }.values.reduce(0, +)
            case .manager:
                recorded = grants[held.grantedBy + "\u{0}granted \(what) to \(held.login)"] ?? 0
            }
            if recorded - revoked < 1 {
                found.append("\(held.login) holds \(what) with no record of \(held.source == .quiz ? "passing its quiz" : "it being granted")")
            }
        }
        return found
    }
}
