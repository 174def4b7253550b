import HTTPTypes
import Hummingbird
import Synchronization

/// Every route the API serves, as `METHOD /path/{param}`: recorded as routes are added, so the OpenAPI check
/// compares the document with the router itself, and a wrong method on a known path gets 405 rather than 404.
public final class RouteTable: Sendable {
    public struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
        public let method: String
        /// The path template with `{param}` captures, as in the OpenAPI document.
        public let path: String

        public var description: String { "\(method) \(path)" }
        public static func < (lhs: Route, rhs: Route) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }

        /// Whether a concrete path fits the template.
        func matches(_ concrete: Substring) -> Bool {
            let template = path.split(separator: "/")
            let parts = concrete.split(separator: "/")
            guard template.count == parts.count else { return false }
            return zip(template, parts).allSatisfy { $0.first == "{" || $0 == $1 }
        }
    }

    private let recorded = Mutex<[Route]>([])

    public init() {}

    public var routes: [Route] { recorded.withLock { $0.sorted() } }

    func add(_ method: HTTPRequest.Method, _ path: RouterPath) {
        let route = Route(method: method.rawValue, path: path.description)
        recorded.withLock { $0.append(route) }
    }

    /// The methods served at a concrete path, for `Allow`: HEAD wherever GET is.
    func methods(at path: Substring) -> [String] {
        let methods = Set(routes.filter { $0.matches(path) }.map(\.method))
        return (methods.contains("GET") ? methods.union(["HEAD"]) : methods).sorted()
    }
}

/// Adds routes to a router and records them in a ``RouteTable``. Every GET route also answers HEAD (with the
/// same status and headers and no body, see ``RequestLogMiddleware``); the table and the OpenAPI document list the
/// GET only.
struct RecordingRouter<Context: RequestContext>: RouterMethods {
    let router: Router<Context>
    let table: RouteTable

    @discardableResult func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        table.add(method, path)
        router.on(path, method: method, responder: responder)
        if method == .get { router.on(path, method: .head, responder: responder) }
        return self
    }

    @discardableResult func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}
