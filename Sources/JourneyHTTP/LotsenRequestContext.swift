import Hummingbird
import Logging
import Synchronization

/// The request context Lotsen owns: Hummingbird's core storage, and who the request speaks for.
public struct LotsenRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Shared by every copy of the context (middleware passes copies inward), so the request log written on the
    /// way out knows the principal that authentication found on the way in.
    let session: RequestSession

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        session = RequestSession()
    }

    /// Request bodies larger than this are refused with 413.
    public var maxUploadSize: Int { APILimits.maxBodyBytes }

    /// The authenticated principal; `nil` before ``BearerAuthMiddleware`` ran or on public routes.
    public var principal: Principal? { session.principal }
}

/// The mutable part of one request's context, behind a lock.
final class RequestSession: Sendable {
    private let state = Mutex<Principal?>(nil)

    var principal: Principal? {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

/// Limits every request is held to.
public enum APILimits {
    /// The largest request body accepted (64 KiB); larger ones get 413.
    public static let maxBodyBytes = 64 * 1024
    /// The largest page of a caseworker list.
    public static let maxPageSize = 100
    /// The page size when none is asked for.
    public static let defaultPageSize = 50
}
