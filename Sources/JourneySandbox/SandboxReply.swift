import Foundation
import Hummingbird

/// One answer of the sandbox: a status and a JSON body.
struct SandboxReply: Sendable, Equatable {
    let status: HTTPResponse.Status
    let body: SandboxJSON

    init(_ status: HTTPResponse.Status, _ body: SandboxJSON) {
        self.status = status
        self.body = body
    }

    /// The answer as Hummingbird sends it.
    var response: Response { Self.response(status, body: body.canonicalData) }

    static func response(_ status: HTTPResponse.Status, body: Data) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
