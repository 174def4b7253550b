import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor, and optionally turns Ctrl-C into ``TerminalInput/interrupted`` instead of
/// killing the process, so the guide can say goodbye and how to continue.
///
/// Ctrl-C is caught with a signal source that writes to a pipe (the self-pipe trick): waiting with `poll` on both
/// the input and the pipe means a Ctrl-C is noticed whether it comes during a read or while the engine saves.
final class LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var ended = false
    private let interrupts: (source: any DispatchSourceSignal, read: Int32)?

    init(descriptor: Int32 = STDIN_FILENO, catchInterrupts: Bool) {
        self.descriptor = descriptor
        guard catchInterrupts else {
            interrupts = nil
            return
        }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            interrupts = nil
            return
        }
        let write = ends[1]
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            var byte: UInt8 = 1
            _ = Foundation.write(write, &byte, 1)
        }
        source.resume()
        interrupts = (source, ends[0])
    }

    /// The next line, without its line ending (`\n` or `\r\n`); a last line without one still counts.
    func readLine() -> TerminalInput {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if ended {
                guard !buffer.isEmpty else { return .end }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            var watched = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            if let interrupts { watched.append(pollfd(fd: interrupts.read, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            if let interrupts, watched[1].revents != 0 {
                var byte: UInt8 = 0
                _ = read(interrupts.read, &byte, 1)
                // What was typed before Ctrl-C is abandoned, as a shell does.
                buffer.removeAll()
                return .interrupted
            }
            guard watched[0].revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                ended = true
            }
        }
    }
}
