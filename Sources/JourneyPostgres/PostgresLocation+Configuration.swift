import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

extension PostgresLocation {
    /// The pool's configuration. Connections are opened on demand up to `maximumConnections`; each node of a
    /// deployment has its own pool, so the sum over the nodes must stay under the server's `max_connections`.
    func clientConfiguration(maximumConnections: Int, keepsConnectionsOpen: Bool = false) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socket = unixSocketPath {
            configuration = .init(unixSocketPath: socket, username: user, password: password, database: database)
        } else {
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: clientTLS)
        }
        configuration.options.maximumConnections = max(1, maximumConnections)
        if keepsConnectionsOpen {
            // postgres-nio sets an idle timer and a keep-alive timer every time a connection goes back to the pool
            // (a task group, two tasks and a sleep each): about a sixth of a busy node's CPU. A server keeps all its
            // connections (no idle timer) and finds a dead one when it uses it, as it must anyway (no keep-alive).
            configuration.options.minimumConnections = configuration.options.maximumConnections
            configuration.options.keepAliveBehavior = nil
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// A single connection's configuration, for opening: it reports a wrong password or a missing database at once,
    /// where the pool would keep retrying in the background.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socket = unixSocketPath {
            configuration = .init(unixSocketPath: socket, username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
                case .require, .verifyCA, .verifyFull: .require(try NIOSSLContext(configuration: tlsConfiguration))
                }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration)
        case .require, .verifyCA, .verifyFull: .require(tlsConfiguration)
        }
    }

    /// libpq's meaning of each mode: `prefer` and `require` encrypt without checking the certificate, `verify-ca`
    /// checks the chain, `verify-full` the chain and the host name.
    private var tlsConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }
}
