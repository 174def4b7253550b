import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard output and standard error, written straight to their file descriptors (unbuffered, so text always
/// appears before Lotsen waits for input), for the guide and every command.
///
/// When standard output can no longer be written (the reader of a pipe stopped, as `| head` does, or the terminal
/// went away), the process ends at once and quietly with ``closedStatus``, the status a shell reports for a
/// process stopped by SIGPIPE. Nothing is lost by stopping there: every change is saved before anything about it is
/// printed. A failure to write standard error is ignored, since there is nowhere left to say so.
public enum StandardOutput {
    /// The exit status when standard output was closed: 141, that is 128 + SIGPIPE.
    public static let closedStatus: Int32 = 141

    /// Writes `text` to standard output, or ends the process with ``closedStatus`` if it is closed.
    public static func write(_ text: String) {
        guard write(text, to: STDOUT_FILENO) else { exit(closedStatus) }
    }

    /// Writes `text` to standard error; a closed standard error is ignored.
    public static func writeError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// Whether every byte was written. A closed pipe must give an error (EPIPE) here rather than kill the process
    /// with SIGPIPE (which networking libraries ignore anyway), so that every command ends the same way.
    private static func write(_ text: String, to descriptor: Int32) -> Bool {
        _ = ignoresBrokenPipe
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A non-blocking descriptor that is full: wait until it can take more.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    private static let ignoresBrokenPipe: Void = { signal(SIGPIPE, SIG_IGN) }()
}
