#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The raw bytes behind a reader: an open file descriptor (read with POSIX `pread`, never loaded
/// whole) or an in-memory array.
final class ByteSource {
    private enum Storage {
        case file(fd: Int32)
        case memory([UInt8])
    }
    private let storage: Storage
    let path: String
    let size: Int

    init(path: String) throws(CSVError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw .cannotOpen(path: path, reason: ByteSource.errnoText()) }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let reason = ByteSource.errnoText()
            close(fd)
            throw .cannotOpen(path: path, reason: reason)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .cannotOpen(path: path, reason: "is a directory")
        }
        storage = .file(fd: fd)
        size = Int(info.st_size)
    }

    init(bytes: [UInt8]) {
        path = "<memory>"
        storage = .memory(bytes)
        size = bytes.count
    }

    deinit {
        if case .file(let fd) = storage { close(fd) }
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; returns the number read (0 = end).
    func read(at offset: Int, into buffer: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        switch storage {
        case .memory(let bytes):
            let n = max(0, min(count, bytes.count - offset))
            if n > 0 {
                bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
            }
            return n
        case .file(let fd):
            var total = 0
            // Fill the buffer unless the file ends: short reads are retried.
            while total < count {
                let n = pread(fd, buffer + total, count - total, off_t(offset + total))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .readFailed(path: path, reason: ByteSource.errnoText())
                }
                if n == 0 { break }
                total += n
            }
            return total
        }
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
