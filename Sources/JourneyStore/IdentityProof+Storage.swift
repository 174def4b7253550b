import Foundation
import JourneyModel

extension IdentityProof {
    /// The proof as one stored text column (`method`, `issuer`, `assurance`, moment in JSON), the same on every store.
    public var storedText: String {
        let object: [String: Any] = ["method": method.rawValue, "issuer": issuer, "assurance": assurance ?? NSNull(), "at": provenAt.storedSeconds]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads ``storedText``; throws ``StorageError/Code/corrupt`` for anything else.
    public init(storedText: String) throws(StorageError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(storedText.utf8)) as? [String: Any],
            let method = (object["method"] as? String).flatMap(Method.init(rawValue:)), let issuer = object["issuer"] as? String,
            let at = object["at"] as? Double
        else { throw StorageError(.corrupt, "a stored identity proof cannot be read", hint: "the database may come from a newer Lotsen") }
        self.init(method: method, issuer: issuer, assurance: object["assurance"] as? String, provenAt: Date(storedSeconds: at))
    }
}
