#if PostgreSQLSupport
import Foundation

/// Lines for the operator: a broker's log is its standard error (`spotlight serve`).
enum PGLog {
    static func say(_ line: String) {
        FileHandle.standardError.write(Data("spotlight: \(line)\n".utf8))
    }
}
#endif
