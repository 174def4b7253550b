import Foundation
import JourneyStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The health check: whether the file the store opened is still the one at its path, and writable. A `stat` and two
/// `access` calls, a few microseconds, so the API can ask before every change.
///
/// A deleted database file stays open and takes writes without complaint (they go to the unlinked inode and are gone
/// when the process ends), and a file copied over the path leaves the process writing to the old one: only comparing
/// device and inode with those seen at open notices either.
extension SQLiteJourneyStore {
    public func health() async -> StoreHealth {
        Self.health(of: path, opened: openedFile, openedReadOnly: openedReadOnly)
    }

    static func health(of path: String, opened: FileIdentity, openedReadOnly: Bool) -> StoreHealth {
        guard let now = FileIdentity(path: path) else {
            if errno == ENOENT || errno == ENOTDIR {
                return .failing(.deleted, "the database file was deleted after the server opened it: changes would be lost",
                    hint: "restore the file from a backup and restart the server; until then changes are refused")
            }
            return .failing(.unreachable, "the database file cannot be looked at (errno \(errno))", hint: "check the file, its folder and their permissions")
        }
        guard now == opened else {
            return .failing(.replaced, "another file is at the database's path since the server opened it: changes would go to the old one",
                hint: "restart the server to use the file now at the path")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        // `access` answers for this process's user: root may write a file whose mode says read-only, and does.
        guard !openedReadOnly, access(path, W_OK) == 0, access(folder, W_OK) == 0 else {
            return .failing(.readOnly, "the database file or its folder is read-only for the user the server runs as",
                hint: "make both writable for that user (chown, chmod), then restart the server")
        }
        return .ok
    }
}

/// Which file a path names: its device and inode.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The file at `path` now, or `nil` (with `errno` set) when there is none or it cannot be looked at.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
