import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Gives the documented error JSON to a request the HTTP parser refused (a request line or headers over 80 KiB, a
/// broken request line). Hummingbird answers those itself, before any route or middleware runs, with an empty 400
/// and `Connection: close`; this handler, in the connection's pipeline, fills that answer in. Every other 400 the
/// API gives comes from ``APIError`` with a JSON body, so an empty one is always the parser's.
final class MalformedRequestReply: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    static let body: [UInt8] = {
        let error = APIError(.badRequest, "malformedRequest", "the request could not be read as HTTP",
            hint: "keep the request line and headers under 80 KiB, and percent-encode the path")
        return Array(error.jsonBytes)
    }()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data), head.status == .badRequest, head.headerFields[.contentLength] == "0" else {
            context.write(data, promise: promise)
            return
        }
        head.headerFields[.contentType] = "application/json; charset=utf-8"
        head.headerFields[.contentLength] = String(Self.body.count)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: Self.body))), promise: promise)
    }
}
