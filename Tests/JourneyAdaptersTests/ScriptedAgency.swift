import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// A real HTTP server on a loopback port that answers each request from a script, and remembers what it was sent:
/// the adapter's tests talk HTTP to it exactly as to an agency.
final class ScriptedAgency: Sendable {
    /// One scripted answer.
    enum Reply: Sendable {
        case json(status: Int, body: String)
        /// Waits this long, then answers.
        case slow(Duration, status: Int, body: String)
        /// Answers 200 at once, then sends the body in these chunks (without a length), waiting `interval` between them.
        case stream([String], interval: Duration)
        /// Answers `status` (a 3xx) pointing to `location`.
        case redirect(status: Int, location: String)
    }

    struct Received: Sendable {
        let method: String
        let path: String
        let headers: [String: String]
        let body: String
    }

    /// The replies still to give and the requests seen, shared with the server's handlers.
    final class Script: Sendable {
        let state: Mutex<(replies: [Reply], received: [Received])>
        init(_ replies: [Reply]) { state = Mutex((replies, [])) }
    }

    private let script: Script
    private let task: Task<Void, any Error>
    let root: URL

    /// Starts the server with `replies`, answered in order (the last one repeats).
    init(_ replies: [Reply]) async throws {
        let script = Script(replies)
        self.script = script
        let router = Router()
        router.on("**", method: .get) { request, context in try await Self.answer(request, context, script) }
        router.on("**", method: .post) { request, context in try await Self.answer(request, context, script) }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) })
        task = Task { try await app.run() }
        var iterator = stream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        root = URL(string: "http://127.0.0.1:\(port)")!
    }

    deinit { task.cancel() }

    var received: [Received] { script.state.withLock { $0.received } }

    private static func answer(_ request: Request, _ context: some RequestContext, _ script: Script)
        async throws -> Response
    {
        let body = try await request.body.collect(upTo: 1 << 20)
        var headers: [String: String] = [:]
        // Lower-cased, as HTTP header names are case-insensitive.
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let reply = script.state.withLock { state -> Reply in
            state.received.append(Received(method: request.method.rawValue, path: request.uri.path, headers: headers, body: String(buffer: body)))
            return state.replies.count > 1 ? state.replies.removeFirst() : state.replies[0]
        }
        switch reply {
        case .json(let status, let text):
            return response(status, text)
        case .slow(let delay, let status, let text):
            // Not cancellable: a server stopped mid-sleep still finishes the response it started.
            try? await Task.sleep(for: delay)
            return response(status, text)
        case .stream(let chunks, let interval):
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { writer in
                for (index, chunk) in chunks.enumerated() {
                    if index > 0 { try await Task.sleep(for: interval) }
                    try await writer.write(ByteBuffer(string: chunk))
                }
                try await writer.finish(nil)
            })
        case .redirect(let status, let location):
            return Response(status: .init(code: status), headers: [.location: location])
        }
    }

    private static func response(_ status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
