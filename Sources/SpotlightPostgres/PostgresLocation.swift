#if PostgreSQLSupport
import Foundation
import SpotlightCore

/// Where the board's database is: libpq's URI form, a subset (design §3).
///
/// - TCP: `postgresql://[role@]host[:port]/database[?sslrootcert=FILE&sslcert=FILE&sslkey=FILE]`
///   (TLS is always required and verified for TCP);
/// - a local socket: `postgresql://[role@]/database?host=/run/postgresql[&port=5432]` (peer
///   authentication, or a password file).
///
/// A password in the URL is refused: it would sit in the process list and shell history; it
/// comes from `--store-password-file` only (`PostgresSecret`).
public struct PostgresLocation: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket's directory and the port that names its file `.s.PGSQL.PORT`.
        case socket(directory: String, port: Int)
    }

    public var endpoint: Endpoint
    public var role: String
    public var database: String
    public var rootCertificate: String?
    public var clientCertificate: String?
    public var clientKey: String?

    /// The socket file for `.socket`.
    public var socketPath: String? {
        guard case .socket(let directory, let port) = endpoint else { return nil }
        return directory + "/.s.PGSQL.\(port)"
    }

    /// For messages: `HOST:PORT` or the socket file.
    public var server: String {
        switch endpoint {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .socket: socketPath ?? ""
        }
    }

    /// For messages and `BoardService.location`: the URL without secrets (there are none in it).
    public var description: String {
        switch endpoint {
        case .tcp: "postgresql://\(role)@\(server)/\(database)"
        case .socket(let directory, let port): "postgresql://\(role)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    static let usage = "give it as postgresql://[ROLE@]HOST[:PORT]/DATABASE or postgresql://[ROLE@]/DATABASE?host=SOCKET-DIRECTORY"

    /// Parses `text`; `defaultRole` is the role when the URL names none (libpq: the login).
    public static func parse(_ text: String, defaultRole: String) throws(SpotlightError) -> PostgresLocation {
        let scheme: String
        if text.hasPrefix("postgresql://") { scheme = "postgresql://" } else if text.hasPrefix("postgres://") {
            scheme = "postgres://"
        } else {
            throw .usage("--store must be a postgresql:// URL: \(usage)")
        }
        var rest = Substring(text.dropFirst(scheme.count))
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw .usage("the URL \(text) names no database: \(usage)") }
        var authority = rest[..<slash]
        let database = try decoded(rest[rest.index(after: slash)...], what: "database name")
        guard !database.isEmpty, !database.contains("/") else { throw .usage("the URL \(text) names no database: \(usage)") }
        var role = defaultRole
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            if userInfo.contains(":") {
                throw .usage("the password must not be on the command line: put it in a file readable only by \(defaultRole) and give --store-password-file FILE")
            }
            role = try decoded(userInfo, what: "role")
            guard !role.isEmpty else { throw .usage("the URL \(text) has an empty role before @") }
            authority = authority[authority.index(after: at)...]
        }
        var host = ""
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .usage("the URL \(text) has an unclosed [ in its host") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .usage("the URL \(text) has text after its host: \(usage)") }
                port = try portNumber(after.dropFirst(), in: text)
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = try decoded(authority[..<colon], what: "host")
            port = try portNumber(authority[authority.index(after: colon)...], in: text)
        } else {
            host = try decoded(authority, what: "host")
        }
        var location = PostgresLocation(endpoint: .tcp(host: host, port: port ?? 5432), role: role, database: database)
        var socketDirectory: String?
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let value = parts.count > 1 ? try decoded(parts[1], what: key) : ""
            switch key {
            case "host":
                guard value.hasPrefix("/") else { throw .usage("host=\(value) in the URL must be a socket directory (an absolute path); put a server's name before the /DATABASE") }
                socketDirectory = value
            case "port": port = try portNumber(Substring(value), in: text)
            case "user": role = value
            case "password":
                throw .usage("the password must not be on the command line: put it in a file readable only by \(defaultRole) and give --store-password-file FILE")
            case "sslrootcert": location.rootCertificate = value
            case "sslcert": location.clientCertificate = value
            case "sslkey": location.clientKey = value
            case "sslmode":
                // TLS cannot be turned off for TCP; accept the values that agree.
                guard ["require", "verify-ca", "verify-full"].contains(value) else {
                    throw .usage("sslmode=\(value) is not supported: spotlight always requires TLS with a verified certificate over TCP (leave sslmode out)")
                }
            default:
                throw .usage("the URL parameter \(key) is not supported (known: host, port, user, sslrootcert, sslcert, sslkey)")
            }
        }
        location.role = role
        if let socketDirectory {
            guard host.isEmpty else { throw .usage("the URL \(text) names both a host and a socket directory: give one") }
            location.endpoint = .socket(directory: socketDirectory, port: port ?? 5432)
        } else {
            guard !host.isEmpty else {
                throw .usage("the URL \(text) names no server: give a host name, or ?host=/run/postgresql for the local socket")
            }
            location.endpoint = .tcp(host: host, port: port ?? 5432)
        }
        if (location.clientCertificate == nil) != (location.clientKey == nil) {
            throw .usage("a client certificate needs both sslcert=FILE and sslkey=FILE")
        }
        return location
    }

    private static func portNumber(_ text: Substring, in url: String) throws(SpotlightError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw .usage("the port '\(text)' in \(url) is not a number from 1 to 65535")
        }
        return port
    }

    private static func decoded(_ text: Substring, what: String) throws(SpotlightError) -> String {
        guard let value = String(text).removingPercentEncoding else { throw .usage("the \(what) '\(text)' has a broken %-escape") }
        return value
    }
}
#endif
