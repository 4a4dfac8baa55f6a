import Foundation

/// Folding of names for matching: lower case, no diacritics (`đ` → `d`), nothing but letters and digits.
/// `Mã TTHC`, `ma_tthc` and `MA TTHC` all fold to `matthc`; NFC and NFD spellings fold alike.
public enum HeaderName {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A: out.append(scalar)
            case 0x111: out.append("d")             // đ
            case 0x300...0x36F: continue            // combining marks (tones, breve, circumflex, horn)
            default:
                if scalar.properties.isAlphabetic { out.append(scalar) }
            }
        }
        return String(out)
    }
}

extension String {
    /// NFC: itself when the quick check says it already is (ASCII, precomposed Vietnamese), else ICU's
    /// normaliser (`UnicodeNFC`), which is then loaded (a few MiB) only for text that needs it.
    var nfc: String {
        var text = self
        if text.withUTF8({ NFCQuickCheck.isNFC($0) }) { return self }
        return UnicodeNFC.normalize(self)
    }
}
