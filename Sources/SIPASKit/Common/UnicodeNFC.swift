import CUnicodeNFC
import Foundation

/// Unicode NFC through ICU's normaliser (the CUnicodeNFC module over Debian's libicu-dev): the only
/// Swift that calls it. Foundation's `precomposedStringWithCanonicalMapping` gives the same text but
/// measured about 5× slower here on decomposed Vietnamese (20,000 comments of 283 bytes: 0.22 s
/// against ICU's 0.043 s, conversions included), which made an import of an NFD export cost more
/// per response than the same text precomposed. `UnicodeNFCTests` checks the two agree.
enum UnicodeNFC {
    /// The NFC form of `text`.
    static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    /// The NFC form of `input`, valid UTF-8 (a cell already checked): no String is made of the bytes first.
    static func normalize(utf8 input: UnsafeBufferPointer<UInt8>) -> String {
        if input.isEmpty { return "" }
        // Beyond what ICU's 32-bit lengths hold (a cell of hundreds of megabytes): Foundation's normaliser.
        guard input.count < Int(Int32.max) / 5 else {
            return String(decoding: input, as: UTF8.self).precomposedStringWithCanonicalMapping
        }
        var capacity = input.count + 16
        for _ in 0..<2 {
            var needed = 0
            let result = String(unsafeUninitializedCapacity: capacity) { output -> Int in
                let n = sipas_nfc_utf8(input.baseAddress, Int32(input.count), output.baseAddress, Int32(capacity))
                if n >= 0 { return Int(n) }
                needed = n == Int32.min ? -1 : Int(-n)
                return 0
            }
            if needed == 0 { return result }
            if needed < 0 { break }
            capacity = needed
        }
        // ICU refused the text (never for valid UTF-8): Foundation's normaliser answers instead.
        return String(decoding: input, as: UTF8.self).precomposedStringWithCanonicalMapping
    }
}
