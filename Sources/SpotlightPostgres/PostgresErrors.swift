#if PostgreSQLSupport
import Foundation
import PostgresNIO
import SpotlightCore

/// postgres-nio's errors as one line each (design §8), naming the server, the role and what to
/// do. Anything not recognised still names the server and PostgreSQL's own message.
enum PostgresErrors {
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func translate(_ error: any Error, _ location: PostgresLocation, passwordFile: String? = nil) -> SpotlightError {
        if let error = error as? SpotlightError { return error }
        let server = location.server
        guard let psql = error as? PSQLError else {
            // The pool gives up after connections kept failing for a while (its circuit breaker).
            if "\(error)".contains("CircuitBreaker") {
                return .runtime("cannot reach PostgreSQL at \(server): connections keep failing")
            }
            return .runtime("PostgreSQL at \(server): \(error)")
        }
        if let state = psql.serverInfo?[.sqlState] {
            let message = psql.serverInfo?[.message] ?? "error \(state)"
            switch state {
            case "28P01":
                return .permission("PostgreSQL at \(server) refused the password of role \(location.role)"
                                   + (passwordFile.map { " (from --store-password-file \($0))" } ?? ""))
            case "28000":
                if location.socketPath != nil {
                    return .permission("PostgreSQL at \(server) does not let account \(currentLogin()) in as role \(location.role) (peer authentication): map it in pg_ident.conf or use a password file")
                }
                return .permission("PostgreSQL at \(server) does not let role \(location.role) in: \(message)")
            case "3D000":
                return .runtime("database \(location.database) does not exist at \(server): createdb -O \(location.role) \(location.database)")
            case "42501":
                return .permission("PostgreSQL at \(server): role \(location.role) may not do this: \(message)")
            case "57014":
                return .runtime("PostgreSQL at \(server) took too long (statement timeout); nothing was written")
            case "55P03":
                return .runtime("PostgreSQL at \(server): the story or board is locked by another writer for too long; nothing was written, try again")
            case "57P01", "57P02", "57P03":
                return .runtime("PostgreSQL at \(server) is shutting down or restarting; nothing was written, try again")
            case "53300":
                return .runtime("PostgreSQL at \(server) has too many connections: \(message)")
            default:
                return .runtime("PostgreSQL at \(server): \(message)")
            }
        }
        switch psql.code {
        case .connectionError:
            let underlying = psql.underlying.map { "\($0)" } ?? ""
            if underlying.contains("NIOSSL") || underlying.contains("handshake") || underlying.contains("certificate") {
                return .runtime("PostgreSQL at \(server) did not prove its identity (certificate not trusted for \(hostName(location))): give its CA with ?sslrootcert=FILE")
            }
            if underlying.lowercased().contains("timeout") || underlying.contains("timedOut") {
                return .runtime("cannot reach PostgreSQL at \(server): no answer in 5 s")
            }
            if underlying.contains("refused") || underlying.contains("ECONNREFUSED") || underlying.contains("errno: 111") {
                return .runtime("cannot reach PostgreSQL at \(server): connection refused")
            }
            if underlying.contains("No such file") || underlying.contains("errno: 2") {
                return .runtime("cannot reach PostgreSQL at \(server): no server socket there")
            }
            return .runtime("cannot reach PostgreSQL at \(server): \(underlying.isEmpty ? "connection failed" : underlying)")
        case .sslUnsupported:
            return .runtime("PostgreSQL at \(server) does not offer TLS; spotlight requires TLS over TCP (turn ssl on, or use the local socket)")
        case .serverClosedConnection, .uncleanShutdown:
            return .runtime("the connection to PostgreSQL at \(server) was lost; nothing was written, try again")
        case .authMechanismRequiresPassword:
            return .permission("PostgreSQL at \(server) asks role \(location.role) for a password: give --store-password-file FILE")
        case .poolClosed, .clientClosedConnection:
            return .runtime("the board \(location.description) was closed")
        default:
            return .runtime("PostgreSQL at \(server): \(psql.code)")
        }
    }

    static func hostName(_ location: PostgresLocation) -> String {
        if case .tcp(let host, _) = location.endpoint { return host }
        return location.server
    }

    static func currentLogin() -> String {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid \(geteuid())" }
        return String(cString: name)
    }
}
#endif
