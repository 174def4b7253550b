import AsyncHTTPClient
import Crypto
import Foundation
import JourneyEngine
import JourneyModel
import JourneyStore
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The deployment's reminder webhook (`lotsen serve --reminder-webhook URL`): each reminder is POSTed as JSON that
/// names the person only by their Lotsen reference, signed with HMAC-SHA256 under a shared secret.
///
/// Headers: `Lotsen-Timestamp` (Unix seconds when it was sent) and `Lotsen-Signature: v1=HEX`, HEX being the
/// lower-case HMAC-SHA256 of `TIMESTAMP.BODY` (the timestamp, a full stop, the body's bytes) under the secret. A
/// receiver recomputes it, compares in constant time, and refuses a timestamp more than five minutes off its clock.
/// Any 2xx answer is taken as delivered; anything else, or no answer within the timeout, is tried again later.
/// The owner calls ``shutdown()`` once it is no longer needed.
public final class ReminderWebhook: ReminderNotifier {
    public static let secretVariable = "LOTSEN_REMINDER_WEBHOOK_SECRET"
    /// The shortest secret accepted: 32 characters, as from `openssl rand -hex 16`.
    public static let minimumSecretLength = 32
    public static let timestampHeader = "Lotsen-Timestamp"
    public static let signatureHeader = "Lotsen-Signature"

    /// What a receiver is sent: opaque ids, the kind and the deadline; no name, number or answer.
    struct Body: Encodable {
        let id: String
        let kind: String
        let person: String
        let enrollment: String
        let journey: String
        let step: String
        let due: Date
        let dueDay: String
        let createdAt: Date
    }

    let url: URL
    private let key: SymmetricKey
    let timeout: Duration
    let clock: @Sendable () -> Date
    private let client: HTTPClient

    /// - Parameters:
    ///   - url: an `http` or `https` address.
    ///   - secret: the shared secret, at least ``minimumSecretLength`` characters.
    public init(url: URL, secret: String, timeout: Duration = .seconds(10), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.url = url
        self.key = SymmetricKey(data: Data(secret.utf8))
        self.timeout = timeout
        self.clock = clock
        var configuration = HTTPClient.Configuration()
        // A redirect is an answer: following it would send the reminder where the deployment never said.
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: TimeAmount(timeout))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Closes the webhook's connections. Calling it again does nothing.
    public func shutdown() async {
        try? await client.shutdown()
    }

    deinit {
        client.shutdown { _ in }
    }

    /// Whether `secret` is one the webhook accepts; the message says why not, without repeating it.
    public static func checkSecret(_ secret: String?) -> String? {
        guard let secret, !secret.isEmpty else { return "\(secretVariable) is not set" }
        guard secret.count >= minimumSecretLength else { return "\(secretVariable) is shorter than \(minimumSecretLength) characters" }
        return nil
    }

    /// The body a reminder is sent as: the same bytes on every attempt.
    static func body(of reminder: Reminder) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(Body(id: String(reminder.id), kind: reminder.kind.rawValue, person: reminder.person.rawValue,
            enrollment: reminder.enrollment.rawValue, journey: reminder.journey.rawValue, step: reminder.step.rawValue, due: reminder.due,
            dueDay: DueStanding.day(of: reminder.due), createdAt: reminder.createdAt))
    }

    /// `v1=` and the hex HMAC-SHA256 of `timestamp.body` under `key`.
    static func signature(timestamp: String, body: Data, key: SymmetricKey) -> String {
        var signed = Data(timestamp.utf8)
        signed.append(UInt8(ascii: "."))
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: key)
        return "v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    public func notify(_ reminder: Reminder) async throws(ReminderNotificationFailure) {
        let body: Data
        do { body = try Self.body(of: reminder) } catch { throw ReminderNotificationFailure(code: "unencodable") }
        let timestamp = String(Int(clock().timeIntervalSince1970))
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: Self.timestampHeader, value: timestamp)
        request.headers.add(name: Self.signatureHeader, value: Self.signature(timestamp: timestamp, body: body, key: key))
        request.body = .bytes(ByteBuffer(data: body))
        let prepared = request
        let status: UInt
        do {
            status = try await withDeadline(timeout) { [client, timeout] in
                let response = try await client.execute(prepared, timeout: TimeAmount(timeout))
                // The answer's body says nothing Lotsen needs; a little is read so the connection can be reused.
                _ = try? await response.body.collect(upTo: 64 * 1024)
                return response.status.code
            }
        } catch is DeadlineExceeded {
            throw ReminderNotificationFailure(code: "timeout")
        } catch {
            throw ReminderNotificationFailure(code: "unreachable")
        }
        guard (200..<300).contains(status) else { throw ReminderNotificationFailure(code: "status-\(status)") }
    }
}
