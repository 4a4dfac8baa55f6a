internal import Dispatch

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The SHA-256 of a whole file, computed apart from (and ahead of) parsing it: at libcrypto's
/// 1.8 GB/s a file of a million responses is hashed in about 0.2 s, long before its rows are read,
/// so an importer can recognise a file it has seen before without reading its rows.
///
/// Small files are hashed at once, on the calling thread; larger ones on a background queue while the
/// caller gets on with parsing (`ready` polls, `wait()` blocks). The digest is only trusted when the
/// file kept its size and modification time from before the first byte to after the last one.
public final class FileDigest: @unchecked Sendable {
    /// Why a digest was refused when the file changed under the reader (English: a `reason` for
    /// the caller's own message).
    public static let changedReason = "the file changed while it was being read"

    /// Below this size the file is hashed on the calling thread (about 9 ms for 16 MiB).
    public static let inlineThreshold = 16 << 20

    public enum Outcome: Sendable, Equatable {
        /// Lowercase hex digest, and the file's size in bytes.
        case digest(hex: String, bytes: Int)
        /// The file could not be read, or changed while it was read.
        case failed(reason: String)
    }

    private let group = DispatchGroup()
    /// Written once, before `group` is left; read only after it has been waited for.
    private var outcome: Outcome = .failed(reason: "not hashed")
    /// The file's size and modification time when hashing began (same rule as `outcome`).
    private var stamp: Stamp?
    private let path: String

    private struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        init(_ info: stat) {
            size = Int(info.st_size)
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
        }
    }

    /// Starts hashing `path`: inline when the file is smaller than `inlineBelow` bytes or the machine
    /// has one core, else in the background. `yielding`: the digest is not wanted before the rows are
    /// read (the caller knows the file cannot be one imported before), so a background hash runs at the
    /// idle scheduling class — on a core the parsing and writing threads leave free, such as the one idle
    /// while the writer finishes — instead of taking CPU from them.
    public init(path: String, inlineBelow: Int = FileDigest.inlineThreshold, yielding: Bool = false) {
        self.path = path
        group.enter()
        let size = FileDigest.size(of: path)
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        if size < inlineBelow || cores < 2 {
            (outcome, stamp) = FileDigest.hash(path: path)
            group.leave()
        } else {
            DispatchQueue.global(qos: .userInitiated).async {
                // The queue's thread goes back to the normal class before it serves anything else.
                if yielding { FileDigest.schedule(idle: true) }
                (self.outcome, self.stamp) = FileDigest.hash(path: path)
                if yielding { FileDigest.schedule(idle: false) }
                self.group.leave()
            }
        }
    }

    /// The outcome when hashing has finished, else nil (does not block).
    public var ready: Outcome? {
        group.wait(timeout: .now()) == .success ? outcome : nil
    }

    /// Blocks until hashing has finished.
    public func wait() -> Outcome {
        group.wait()
        return outcome
    }

    /// True when the file still has the size and modification time it had when hashing began: call
    /// after parsing it, so that the digest is known to be of the bytes that were parsed. Blocks until
    /// hashing has finished.
    public func fileUnchanged() -> Bool {
        group.wait()
        var info = stat()
        guard let stamp, stat(path, &info) == 0 else { return false }
        return Stamp(info) == stamp
    }

    /// Puts the calling thread in Linux's idle scheduling class (SCHED_IDLE, 5 in <sched.h>: it runs
    /// when a core would otherwise be idle), or back in the normal one (SCHED_OTHER, 0). Elsewhere, or
    /// if refused, the thread keeps its class.
    private static func schedule(idle: Bool) {
        #if os(Linux)
        var parameters = sched_param()
        parameters.sched_priority = 0
        _ = sched_setscheduler(0, idle ? 5 : 0, &parameters)
        #endif
    }

    /// The file's size in bytes (0 when it cannot be read).
    public static func byteCount(of path: String) -> Int { size(of: path) }

    private static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    private static func hash(path: String) -> (Outcome, Stamp?) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return (.failed(reason: String(cString: strerror(errno))), nil) }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0 else { return (.failed(reason: String(cString: strerror(errno))), nil) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        let hasher = SHA256()
        var total = 0
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                return (.failed(reason: String(cString: strerror(errno))), nil)
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: n))
            total += n
        }
        var after = stat()
        guard fstat(fd, &after) == 0 else { return (.failed(reason: String(cString: strerror(errno))), nil) }
        guard total == Int(before.st_size), Stamp(after) == Stamp(before) else {
            return (.failed(reason: FileDigest.changedReason), nil)
        }
        return (.digest(hex: hasher.finalizeHex(), bytes: total), Stamp(before))
    }
}
