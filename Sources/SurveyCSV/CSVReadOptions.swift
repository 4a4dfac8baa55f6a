/// How a `CSVReader` reads a file. Every `nil` means "detect it".
public struct CSVReadOptions: Sendable {
    /// nil = detect: BOM (UTF-8 / UTF-16LE / UTF-16BE), else valid UTF-8 in the sniff window, else Windows-1258.
    public var encoding: TextEncoding?
    /// nil = sniff among `,` `;` and TAB.
    public var delimiter: UInt8?
    /// Bytes read from the file per system call (at least 1).
    public var chunkSize: Int
    /// Records per `RecordBatch` (at least 1).
    public var batchSize: Int
    /// Whether `read` computes the SHA-256 of the bytes it reads (`CSVReader.sha256Hex`). Off when the
    /// caller hashes the file itself ahead of parsing (`FileDigest`), so no byte is hashed twice.
    public var hashes: Bool = true

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20, batchSize: Int = 4096) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.chunkSize = chunkSize
        self.batchSize = batchSize
    }
}
