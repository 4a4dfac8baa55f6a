/// Reads a CSV export: raw bytes → SHA-256, BOM stripped, decoded to UTF-8 → libcsv → batches of
/// records with spreadsheet row numbers. Encoding and delimiter are detected at open time from the
/// first 64 KiB unless given in the options.
public final class CSVReader {
    private let source: ByteSource
    private let options: CSVReadOptions

    /// The encoding used (detected or given).
    public let encoding: TextEncoding
    public let encodingWasDetected: Bool
    /// The delimiter used (sniffed or given).
    public let delimiter: UInt8
    /// File size in bytes.
    public var byteCount: Int { source.size }
    /// SHA-256 of the raw file bytes, lowercase hex; set once `read` has completed (nil when
    /// `CSVReadOptions.hashes` is off).
    public private(set) var sha256Hex: String? = nil
    /// Raw bytes read so far by the running (or last) `read`; for progress bars.
    public private(set) var bytesRead: Int = 0
    /// Whether the last `read` hashed on a background queue (large file, several cores).
    private(set) var hashedInBackground = false

    /// Opens the file and reads its first 64 KiB to detect the encoding and sniff the delimiter.
    public convenience init(path: String, options: CSVReadOptions = .init()) throws(CSVError) {
        try self.init(source: ByteSource(path: path), options: options)
    }

    public convenience init(bytes: [UInt8], options: CSVReadOptions = .init()) throws(CSVError) {
        try self.init(source: ByteSource(bytes: bytes), options: options)
    }

    private init(source: ByteSource, options: CSVReadOptions) throws(CSVError) {
        self.source = source
        self.options = options
        let window = try CSVReader.readWindow(source)
        if window.isEmpty { throw .empty(path: source.path) }
        let wholeFile = window.count < EncodingDetection.windowSize
            || (window.count == source.size && source.size > 0)

        let encoding = options.encoding ?? EncodingDetection.detect(window)
        if !encoding.isUTF16 && EncodingDetection.containsNUL(window) {
            if options.encoding == nil, let utf16 = EncodingDetection.utf16WithoutBOM(window) {
                throw .encodingSuspect(path: source.path, looksLike: utf16, readAs: nil)
            }
            throw .notText(path: source.path)
        }
        // Windows-1258, given or guessed, on bytes that are UTF-8: every accented letter would be
        // stored as mojibake. Refused, naming the encoding that reads it.
        if encoding == .windows1258 && EncodingDetection.evidence(window).looksLikeUTF8 {
            throw .encodingSuspect(path: source.path, looksLike: .utf8, readAs: .windows1258)
        }
        // Decode the window once: for the emptiness check and for the sniffer.
        let decoder = StreamDecoder(encoding: encoding)
        var text: [UInt8] = []
        window.withUnsafeBytes { decoder.decode($0) { text.append(contentsOf: $0) } }
        if wholeFile { decoder.finish { text.append(contentsOf: $0) } }
        if wholeFile && text.isEmpty { throw .empty(path: source.path) }

        self.encoding = encoding
        self.encodingWasDetected = options.encoding == nil
        self.delimiter = options.delimiter ?? DialectSniffer.sniff(text, truncated: !wholeFile)
    }

    private static func readWindow(_ source: ByteSource) throws(CSVError) -> [UInt8] {
        let size = EncodingDetection.windowSize
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        let n = try source.read(at: 0, into: buffer, count: size)
        return Array(UnsafeRawBufferPointer(start: buffer, count: n))
    }

    /// Streams every record, header first, in batches of `options.batchSize` records (the last
    /// batch may be smaller). Calls `body` on the calling thread. Each call re-reads the file from
    /// the start. Throws `CSVError` for I/O failures and rethrows the errors of `body`.
    public func read(_ body: (RecordBatch) throws -> Void) throws {
        sha256Hex = nil
        bytesRead = 0
        let chunkSize = max(1, options.chunkSize)
        let parser = try LibCSVParser(delimiter: delimiter, batchSize: options.batchSize)
        let decoder = StreamDecoder(encoding: encoding)
        // Two chunk buffers, so a large file is hashed in the background while the other is parsed.
        let slots = 2
        let hasher = options.hashes ? BackgroundHasher(fileSize: source.size, slots: slots) : nil
        hashedInBackground = hasher?.isBackground ?? false
        let buffers = (0..<slots).map { _ in UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 64) }
        defer {
            hasher?.drain()
            for buffer in buffers { buffer.deallocate() }
        }

        var failure: String? = nil
        var slot = 0
        while true {
            hasher?.waitUntilHashed(slot: slot)
            let n = try source.read(at: bytesRead, into: buffers[slot], count: chunkSize)
            if n == 0 { break }
            let raw = UnsafeRawBufferPointer(start: buffers[slot], count: n)
            hasher?.update(raw, slot: slot)
            bytesRead += n
            decoder.decode(raw) { utf8 in
                if failure == nil { failure = parser.parse(utf8) }
            }
            if let failure { throw CSVError.readFailed(path: source.path, reason: failure) }
            for batch in parser.takeReadyBatches() { try body(batch) }
            slot = (slot + 1) % slots
        }
        decoder.finish { utf8 in
            if failure == nil { failure = parser.parse(utf8) }
        }
        if failure == nil { failure = parser.finish() }
        if let failure { throw CSVError.readFailed(path: source.path, reason: failure) }
        for batch in parser.takeReadyBatches() { try body(batch) }
        sha256Hex = hasher?.finalizeHex()
    }
}
