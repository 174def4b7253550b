import Foundation

/// Where the built-in sandbox agencies answer when an adapter file has no `baseURL`.
public enum SandboxLocation {
    /// Set to the address of a running `lotsen sandbox` (such as `http://127.0.0.1:8089`) to use it instead of
    /// starting one in-process.
    public static let environmentVariable = "LOTSEN_SANDBOX_URL"

    /// The base URL of one agency inside a sandbox at `root`: every agency has its own path prefix.
    public static func baseURL(of agency: String, in root: URL) -> URL {
        root.appendingPathComponent(agency, isDirectory: false)
    }
}
