/// Guessing the encoding from the first bytes of a file (the sniff window).
enum EncodingDetection {
    /// Bytes read at open time to detect the encoding and sniff the delimiter.
    static let windowSize = 64 * 1024

    /// BOM first (UTF-8, UTF-16LE, UTF-16BE); else UTF-8 if the window is valid UTF-8
    /// (a sequence cut by the window end is fine: more bytes may follow, and when the window is
    /// the whole file, a truncated UTF-8 file is still far more likely than Windows-1258 text
    /// whose only high byte is the last one); else Windows-1258.
    static func detect(_ window: [UInt8]) -> TextEncoding {
        if window.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if window.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if window.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        switch window.withUnsafeBytes({ UTF8Validation.scan($0) }) {
        case .valid, .truncatedAtEnd: return .utf8
        case .invalid: return .windows1258
        }
    }

    /// True if the window holds NUL bytes, which text in a single-byte or UTF-8 encoding never does.
    static func containsNUL(_ window: [UInt8]) -> Bool {
        window.contains(0)
    }
}
