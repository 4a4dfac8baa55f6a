import Foundation

/// The one way every `--out FILE` is written (text formats, HTML, the workbook and the Word document).
///
/// In place: the path is opened for writing (`O_WRONLY|O_CREAT|O_TRUNC`) and the bytes written into
/// it, so whatever the path is stays what it is — a symbolic link still points where it did, an
/// existing file keeps its owner, mode and hard links, a device (`/dev/stdout`, `/dev/full`) or a FIFO
/// receives the bytes, and every write error (a full disk, `/dev/full`) is reported, never "written".
/// A new file is created with the usual mode (0666 less the umask).
///
/// Not write-then-rename: a rename replaces the path itself (a link becomes a file, owner and mode
/// are reset, a device node is replaced). The price is that a crash mid-write leaves a partial file;
/// the report is made again from the database by running the command again, so nothing is lost.
/// The bytes are all made before the file is opened, so a failure while rendering never truncates it.
public enum OutputFile {
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(SIPASError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if fd < 0 { throw .outputFailed(path: path, reason: reason(errno)) }
        var failure: Int32? = nil
        let body: (UnsafeRawBufferPointer) -> Void = { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if bytes.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes(body)
        }
        // A regular file's bytes are on disk before "written" is said (a full disk can show only here).
        var info = stat()
        if failure == nil, fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == nil { failure = errno }
        if let failure { throw .outputFailed(path: path, reason: reason(failure)) }
    }

    public static func write(_ text: String, to path: String) throws(SIPASError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws(SIPASError) {
        try write(Array(data), to: path)
    }

    /// The system's words for an errno, e.g. "Is a directory", "No space left on device".
    public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
