/// Guessing the encoding from the first bytes of a file (the sniff window).
enum EncodingDetection {
    /// Bytes read at open time to detect the encoding and sniff the delimiter.
    static let windowSize = 64 * 1024

    /// What the window's bytes say about UTF-8: how many well-formed multi-byte sequences it holds,
    /// and how many bytes at or above 0x80 belong to none (a sequence cut by the window's end counts
    /// as neither: more bytes may follow).
    struct Evidence: Equatable {
        var multibyte = 0
        var invalid = 0

        /// Clearly UTF-8: no stray byte, or well-formed sequences outnumber stray bytes four to one
        /// (a UTF-8 file with one bad byte stays UTF-8: that row is rejected, naming its column).
        var isUTF8: Bool { invalid == 0 || multibyte >= 4 * invalid }
        /// UTF-8 that Windows-1258 would turn into mojibake (`á»¥` for `ụ`): a real Windows-1258
        /// text almost never forms a well-formed UTF-8 sequence (a letter followed by a C1 symbol).
        var looksLikeUTF8: Bool { multibyte >= 2 && multibyte >= invalid }
    }

    /// BOM first (UTF-8, UTF-16LE, UTF-16BE); else UTF-8 when the window's evidence says so; else
    /// Windows-1258.
    static func detect(_ window: [UInt8]) -> TextEncoding {
        if window.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        if window.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if window.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        if window.withUnsafeBytes({ UTF8Validation.scan($0) }) != .invalid { return .utf8 }
        return evidence(window).isUTF8 ? .utf8 : .windows1258
    }

    /// Counts well-formed multi-byte sequences and stray high bytes (strict UTF-8, as `UTF8Validation`).
    static func evidence(_ bytes: [UInt8]) -> Evidence {
        var e = Evidence()
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            var need = 0
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: need = 0
            }
            if need == 0 { e.invalid += 1; i += 1; continue }
            if i + need >= n { break }  // cut by the window's end
            var ok = bytes[i + 1] >= lower && bytes[i + 1] <= upper
            if ok && need > 1 { for k in 2...need where bytes[i + k] & 0xC0 != 0x80 { ok = false } }
            if ok { e.multibyte += 1; i += need + 1 } else { e.invalid += 1; i += 1 }
        }
        return e
    }

    /// True if the window holds NUL bytes, which text in a single-byte or UTF-8 encoding never does.
    static func containsNUL(_ window: [UInt8]) -> Bool {
        window.contains(0)
    }

    /// UTF-16 without a byte order mark: NUL in most odd places (little-endian) or most even places
    /// (big-endian) and almost nowhere else, as ASCII-heavy text in UTF-16 looks.
    static func utf16WithoutBOM(_ window: [UInt8]) -> TextEncoding? {
        let pairs = window.count / 2
        guard pairs >= 4 else { return nil }
        var evenZero = 0, oddZero = 0
        for k in 0..<pairs {
            if window[2 * k] == 0 { evenZero += 1 }
            if window[2 * k + 1] == 0 { oddZero += 1 }
        }
        if oddZero * 2 > pairs && evenZero * 20 < pairs { return .utf16LE }
        if evenZero * 2 > pairs && oddZero * 20 < pairs { return .utf16BE }
        return nil
    }
}
