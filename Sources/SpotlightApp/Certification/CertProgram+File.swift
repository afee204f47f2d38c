import Foundation
import SpotlightCore

extension CertProgram {
    /// Reads a program file (format: `Certification/README.md`). Only a regular file of at most
    /// `CertLimits.maxFileBytes`, like a theme: a FIFO named by mistake must not hang the CLI.
    public init(contentsOfFile path: String) throws(CertProgramFileError) {
        let found: Data?
        do {
            found = try RegularFile.contents(path, limit: CertLimits.maxFileBytes)
        } catch {
            throw error.isPermission
                ? CertProgramFileError(.forbidden, file: path, problem: "cannot be read; check its permissions")
                : CertProgramFileError(.unreadable, file: path, problem: error.reason)
        }
        guard let data = found else { throw CertProgramFileError(.missing, file: path, problem: "does not exist") }
        try self.init(parsing: try Self.text(of: data, file: path), file: path)
    }

    /// The file as text, or the line of its first byte that is not UTF-8.
    static func text(of data: Data, file: String) throws(CertProgramFileError) -> String {
        var line = 1
        var decoder = UTF8()
        var bytes = data.makeIterator()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return String(decoding: data, as: UTF8.self)
            case .error: throw CertProgramFileError(.syntax, file: file, line: line, problem: "is not UTF-8 text (an invalid byte on this line)")
            }
        }
    }
}
