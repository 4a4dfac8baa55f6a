/// A quick check on UTF-8 bytes that says "already NFC" for most Vietnamese text without Foundation's
/// normalisation (which costs about 8% of an import of comment-rich exports): true only when every code
/// point is ASCII or in a range whose characters are all precomposed or plain letters and punctuation
/// that never decompose, never reorder and never compose with the character before them (NFC_QC=Yes,
/// combining class 0) — Latin-1 Supplement and Latin Extended-A/B (U+00A0–U+024F: â ê ô ơ ư ă đ …),
/// Latin Extended Additional (U+1E00–U+1EFF: the Vietnamese letters with tone marks), the general
/// punctuation U+2010–U+2027 and U+2030–U+205E, and the currency signs U+20A0–U+20C0 (₫). Anything else
/// (a combining mark, a malformed sequence, other scripts) answers false: the caller normalises as before.
/// `NFCQuickCheckTests` checks every code point of those ranges against Foundation.
enum NFCQuickCheck {
    static func isNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            if b0 >= 0xC2 && b0 <= 0xDF {
                guard i + 1 < n else { return false }
                let b1 = bytes[i + 1]
                guard b1 & 0xC0 == 0x80 else { return false }
                let cp = UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F)
                guard isKnown(cp) else { return false }
                i += 2
                continue
            }
            if b0 == 0xE1 || b0 == 0xE2 {
                guard i + 2 < n else { return false }
                let b1 = bytes[i + 1], b2 = bytes[i + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
                let cp = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                guard isKnown(cp) else { return false }
                i += 3
                continue
            }
            return false
        }
        return true
    }

    @inline(__always) static func isKnown(_ cp: UInt32) -> Bool {
        (0xA0...0x24F).contains(cp) || (0x1E00...0x1EFF).contains(cp) || (0x2010...0x2027).contains(cp)
            || (0x2030...0x205E).contains(cp) || (0x20A0...0x20C0).contains(cp)
    }
}
