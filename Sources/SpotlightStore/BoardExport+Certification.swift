import SpotlightCore

/// The certification tables in an export, row for row, so export → import → export is identical
/// and a backup keeps who holds what.
extension BoardExport {
    public struct CertificationRecords: Codable, Equatable, Sendable {
        public var programs: [ProgramRecord]
        public var certifications: [HeldRecord]
        public var attempts: [AttemptRecord]

        public init(programs: [ProgramRecord], certifications: [HeldRecord], attempts: [AttemptRecord]) {
            self.programs = programs
            self.certifications = certifications
            self.attempts = attempts
        }

        public var isEmpty: Bool { programs.isEmpty && certifications.isEmpty && attempts.isEmpty }
    }

    public struct ProgramRecord: Codable, Equatable, Sendable {
        public var id: Int
        public var program: CertProgram
        public var addedBy: String
        public var addedAt: Int

        public init(id: Int, program: CertProgram, addedBy: String, addedAt: Int) {
            self.id = id
            self.program = program
            self.addedBy = addedBy
            self.addedAt = addedAt
        }
    }

    public struct HeldRecord: Codable, Equatable, Sendable {
        public var id: Int
        public var login: String
        public var programID: Int
        public var level: Int
        public var source: String
        public var grantedBy: String
        public var at: Int
        public var note: String
        public var revokedBy: String?
        public var revokedAt: Int?

        public init(id: Int, login: String, programID: Int, level: Int, source: String, grantedBy: String, at: Int, note: String,
                    revokedBy: String? = nil, revokedAt: Int? = nil) {
            self.id = id
            self.login = login
            self.programID = programID
            self.level = level
            self.source = source
            self.grantedBy = grantedBy
            self.at = at
            self.note = note
            self.revokedBy = revokedBy
            self.revokedAt = revokedAt
        }
    }

    public struct AttemptRecord: Codable, Equatable, Sendable {
        public var id: Int
        public var login: String
        public var programID: Int
        /// The seed's 64 bits as a signed number (JSON numbers are read as doubles elsewhere;
        /// Swift reads them exactly).
        public var seed: Int
        public var startedAt: Int
        /// The shown answers chosen, comma-separated.
        public var answers: String
        public var finishedAt: Int?
        public var score: Int?
        public var passed: Bool?

        public init(id: Int, login: String, programID: Int, seed: Int, startedAt: Int, answers: String,
                    finishedAt: Int? = nil, score: Int? = nil, passed: Bool? = nil) {
            self.id = id
            self.login = login
            self.programID = programID
            self.seed = seed
            self.startedAt = startedAt
            self.answers = answers
            self.finishedAt = finishedAt
            self.score = score
            self.passed = passed
        }
    }

    /// What import checks: each program as a program file would be, names unique by NameKey,
    /// and every level and attempt naming a program (and a level) the file holds.
    public func validateCertificationForImport() throws(SpotlightError) {
        guard let certification else { return }
        var names: Set<String> = [], levels: [Int: Int] = [:]
        for record in certification.programs {
            do {
                try CertLimits.check(record.program)
            } catch {
                throw .usage("import: certification program #\(record.id): \(error.message)")
            }
            guard names.insert(NameKey.key(record.program.name)).inserted, levels[record.id] == nil else {
                throw .usage("import: certification program #\(record.id) repeats a program's name or id")
            }
            levels[record.id] = record.program.levels.count
        }
        var held: Set<String> = []
        for c in certification.certifications {
            guard let count = levels[c.programID], (1...count).contains(c.level) else {
                throw .usage("import: certification #\(c.id) names a program or level that is not in the file")
            }
            guard Certification.Source(rawValue: c.source) != nil else {
                throw .usage("import: certification #\(c.id): unknown source '\(c.source)'")
            }
            if c.revokedAt == nil, !held.insert("\(c.login)\u{0}\(c.programID)\u{0}\(c.level)").inserted {
                throw .usage("import: certification #\(c.id): \(c.login) holds that level twice")
            }
        }
        for a in certification.attempts where levels[a.programID] == nil {
            throw .usage("import: quiz attempt #\(a.id) names a program that is not in the file")
        }
    }
}
