import Foundation

// Turning a table of strings into the bytes of one real-world "CSV" shape:
// text encoding (+ BOM), delimiter, line ends, and RFC 4180 quoting.

enum TextEncoding {
    case utf8
    case utf8BOM
    /// Excel "CSV" on Vietnamese Windows.
    case windows1258
    /// Excel "Unicode text": UTF-16LE with a BOM.
    case utf16leBOM
}

struct CSVShape {
    var encoding: TextEncoding
    var delimiter: Character
    var lineEnd: String
    /// Line break written inside a quoted cell (Excel writes a bare LF there even in CRLF files).
    var cellLineBreak: String = "\n"
}

/// Where a record landed: spreadsheet row (header = row 1) and physical line of its first line.
struct RecordPosition {
    var row: Int
    var line: Int
}

struct CSVWriter {
    let shape: CSVShape
    private(set) var bytes: [UInt8] = []
    private var line = 1
    private var row = 0
    private var cache: [String: [UInt8]] = [:]

    init(shape: CSVShape) {
        self.shape = shape
        bytes.reserveCapacity(1 << 21)
        switch shape.encoding {
        case .utf8BOM: bytes = [0xEF, 0xBB, 0xBF]
        case .utf16leBOM: bytes = [0xFF, 0xFE]
        case .utf8, .windows1258: break
        }
    }

    /// Appends one record (the header is the first) and returns its position.
    @discardableResult
    mutating func write(_ fields: [String]) -> RecordPosition {
        row += 1
        let position = RecordPosition(row: row, line: line)
        for (i, field) in fields.enumerated() {
            if i > 0 { append(String(shape.delimiter)) }
            append(quoted(field))
        }
        append(shape.lineEnd)
        line += 1
        return position
    }

    private mutating func quoted(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains {
            $0 == "\"" || $0 == "\n" || $0 == "\r" || Character($0) == shape.delimiter
        }
        guard needsQuotes else { return field }
        var body = field.replacingOccurrences(of: "\"", with: "\"\"")
        if body.unicodeScalars.contains("\n") {
            body = body.replacingOccurrences(of: "\n", with: shape.cellLineBreak)
            line += body.unicodeScalars.filter { $0 == "\n" }.count
        }
        return "\"" + body + "\""
    }

    private mutating func append(_ s: String) {
        switch shape.encoding {
        case .utf8, .utf8BOM:
            bytes.append(contentsOf: s.utf8)
        case .utf16leBOM:
            for unit in s.utf16 {
                bytes.append(UInt8(unit & 0xFF))
                bytes.append(UInt8(unit >> 8))
            }
        case .windows1258:
            if let hit = cache[s] {
                bytes.append(contentsOf: hit)
                return
            }
            guard let encoded = windows1258Bytes(s) else { fatalError("not encodable in Windows-1258: \(s)") }
            cache[s] = encoded
            bytes.append(contentsOf: encoded)
        }
    }
}

func writeFile(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
