#if PostgreSQLSupport
import Foundation
import PostgresNIO
import SpotlightCore

/// postgres-nio's configuration for a `PostgresLocation` (design §3): over TCP, TLS is always
/// required and the server's certificate verified (no knob turns it off); over the local
/// socket, peer authentication or the password file.
enum PostgresConnect {
    /// The GUCs every connection starts with: a stuck statement, lock wait or transaction left
    /// open by a vanished broker ends instead of blocking every other site (design §8).
    static func startupParameters(hostName: String) -> [(String, String)] {
        [("application_name", "spotlight-serve@\(hostName)"), ("statement_timeout", "5000"),
         ("lock_timeout", "4000"), ("idle_in_transaction_session_timeout", "10000")]
    }

    static func tls(_ location: PostgresLocation) throws(SpotlightError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        tls.minimumTLSVersion = .tlsv12
        if let ca = location.rootCertificate { tls.trustRoots = .file(ca) }
        if let cert = location.clientCertificate, let key = location.clientKey {
            try PostgresSecret.requirePrivate(key, what: "the TLS key (sslkey)")
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(cert).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            } catch {
                throw .runtime("cannot read the TLS client certificate \(cert) or key \(key): \(error)")
            }
        }
        return tls
    }

    static func client(_ location: PostgresLocation, password: String?, hostName: String,
                       maximumConnections: Int = 8) throws(SpotlightError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch location.endpoint {
        case .tcp(let host, let port):
            configuration = PostgresClient.Configuration(host: host, port: port, username: location.role, password: password,
                                                         database: location.database, tls: .require(try tls(location)))
        case .socket:
            configuration = PostgresClient.Configuration(unixSocketPath: location.socketPath ?? "", username: location.role,
                                                         password: password, database: location.database)
        }
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = maximumConnections
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(5))
        configuration.options.additionalStartupParameters = startupParameters(hostName: hostName)
        return configuration
    }

    /// One connection outside the pool (the listener's kind, design §7). The pool retries a
    /// failing connect with backoff for up to a minute before it gives up; opening a board
    /// first connects once this way, so a wrong password, a missing database or a server that
    /// is not there is one clear line at once.
    static func connection(_ location: PostgresLocation, password: String?, hostName: String) throws(SpotlightError)
        -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch location.endpoint {
        case .tcp(let host, let port):
            let context: NIOSSLContext
            do {
                context = try NIOSSLContext(configuration: try tls(location))
            } catch let error as SpotlightError {
                throw error
            } catch {
                throw .runtime("cannot set up TLS for PostgreSQL at \(location.server): \(error)")
            }
            configuration = PostgresConnection.Configuration(host: host, port: port, username: location.role, password: password,
                                                             database: location.database, tls: .require(context))
        case .socket:
            configuration = PostgresConnection.Configuration(unixSocketPath: location.socketPath ?? "", username: location.role,
                                                             password: password, database: location.database)
        }
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = startupParameters(hostName: hostName)
        return configuration
    }

    /// Connects once and closes: the open's first check (see `connection`).
    static func probe(_ location: PostgresLocation, password: String?, hostName: String) async throws(SpotlightError) {
        let configuration = try connection(location, password: password, hostName: hostName)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: quietLogger)
            try? await connection.close()
        } catch {
            throw PostgresErrors.translate(error, location)
        }
    }

    /// postgres-nio's own log is not ours to print: errors reach the user as one line each
    /// (`PostgresErrors`), so its logger stays quiet.
    static var quietLogger: Logger {
        var logger = Logger(label: "spotlight.postgres")
        logger.logLevel = .critical
        return logger
    }
}
#endif
