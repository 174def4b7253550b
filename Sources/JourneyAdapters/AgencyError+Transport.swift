import AsyncHTTPClient
import JourneyModel

extension AgencyError {
    /// What a failed attempt means to the caller: a missed deadline is a timeout, anything else a connection that
    /// could not be made or kept. Only a fixed phrase is kept, never the transport error's own description, which
    /// may quote addresses or header values.
    init(transport error: any Error, service: ServiceID, timeout: Duration) {
        let agency = service.agency
        if error is DeadlineExceeded || error as? HTTPClientError == .deadlineExceeded {
            self.init(agency: agency, service: service, code: .timeout, message: "no answer within \(timeout.shortDescription)")
            return
        }
        let reason =
            switch error as? HTTPClientError {
            case .connectTimeout?, .tlsHandshakeTimeout?: " (connect timeout)"
            case .remoteConnectionClosed?: " (connection closed)"
            case .cancelled?: " (cancelled)"
            case .alreadyShutdown?: " (the adapter is shut down)"
            default: error is CancellationError ? " (cancelled)" : ""
            }
        self.init(agency: agency, service: service, code: .unreachable, message: "cannot reach the agency\(reason)")
    }
}

extension Duration {
    /// `800ms`, `5s`: as adapter files write it.
    var shortDescription: String {
        let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }
}
