internal import CUTF8

/// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF): 32 bytes at a time
/// in C (`sipas_utf8_check_prefix`, AVX2) up to the last whole block, then byte by byte (`scanBytes`)
/// from the start of the last character, which also tells a sequence cut short at the end from a
/// wrong one. Vietnamese text, a multi-byte letter every few bytes, defeats the eight-byte ASCII
/// shortcut: byte by byte it was 9% of the CPU of an import of an export with ratings as labels.
enum UTF8Validation {
    /// Result of scanning a byte sequence.
    enum Outcome: Equatable {
        case valid
        /// Valid except that the last sequence is cut short (more bytes could complete it).
        case truncatedAtEnd
        case invalid
    }

    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        if let result = bytes.withContiguousStorageIfAvailable({ scan(UnsafeRawBufferPointer($0)) }) {
            return result == .valid
        }
        return Array(bytes).withUnsafeBytes { scan($0) } == .valid
    }

    static func scan(_ buffer: UnsafeRawBufferPointer) -> Outcome {
        guard buffer.count >= 32 else { return scanBytes(buffer) }
        let resume = sipas_utf8_check_prefix(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), buffer.count)
        if resume < 0 { return .invalid }
        return scanBytes(UnsafeRawBufferPointer(rebasing: buffer[Int(resume)...]))
    }

    /// The same answer byte by byte: the reference the tests hold `scan` to.
    static func scanBytes(_ buffer: UnsafeRawBufferPointer) -> Outcome {
        let n = buffer.count
        var i = 0
        while i < n {
            // ASCII fast path: eight bytes at a time while none has its high bit set.
            while i &+ 8 <= n, buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i &+= 8
            }
            if i >= n { break }
            let b0 = buffer[i]
            if b0 < 0x80 { i &+= 1; continue }
            let need: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return .invalid
            }
            // The first continuation byte has the special range; the others are 80...BF.
            for k in 1...need {
                let index = i + k
                if index >= n { return .truncatedAtEnd }
                let b = buffer[index]
                if k == 1 {
                    if b < lower || b > upper { return .invalid }
                } else if b & 0xC0 != 0x80 {
                    return .invalid
                }
            }
            i &+= need &+ 1
        }
        return .valid
    }
}
