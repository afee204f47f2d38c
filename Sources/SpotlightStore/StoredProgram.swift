import Foundation
import SpotlightCore

/// A certification program as every board stores it: JSON with sorted keys in the
/// `cert_programs.program` column. Written and read here once for the SQLite and PostgreSQL
/// stores, so a program exported from one reads back the same in the other.
public enum StoredProgram {
    public static func encode(_ program: CertProgram) throws(SpotlightError) -> String {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(program), as: UTF8.self)
        } catch {
            throw .runtime("could not store the program \(program.name): \(error)")
        }
    }

    /// Whoever can write the board (a member with `sqlite3`, a role with `psql`) can write the
    /// column: a program read back is checked as a new one would be.
    public static func decode(_ text: String) throws(SpotlightError) -> CertProgram {
        let program: CertProgram
        do {
            program = try JSONDecoder().decode(CertProgram.self, from: Data(text.utf8))
        } catch {
            throw .runtime("a certification program on the board is damaged (it is not a program): run `spotlight doctor`")
        }
        do {
            try CertLimits.check(program)
        } catch {
            throw .runtime("the certification program \(program.name) on the board is damaged (\(error.message)): run `spotlight doctor`")
        }
        return program
    }
}
