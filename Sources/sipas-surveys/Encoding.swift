import Foundation

// Vietnamese text -> Windows-1258 bytes, as Excel on Vietnamese Windows saves a "CSV".
//
// Stand-in for `SurveyCSV.Windows1258.encode(_:)`, which another part of the package will provide;
// when it exists, make `windows1258Bytes` call it and delete the rest of this file.
//
// Windows-1258 holds the base letters â ă ê ô ơ ư đ (and Latin-1 letters) precomposed, but the five
// Vietnamese tones only as combining marks (0xCC U+0300 huyền, 0xEC U+0301 sắc, 0xD2 U+0309 hỏi,
// 0xDE U+0303 ngã, 0xF2 U+0323 nặng). So: decompose (NFD), recompose each base letter with its
// non-tone marks (circumflex, breve, horn…), and always emit the tone as a separate combining byte
// after it — "ệ" -> "ê" 0xEA + 0xF2, "à" -> "a" + 0xCC (never the Latin-1 0xE0).

/// Windows-1258 bytes of `string`, or nil when some character has no Windows-1258 form.
func windows1258Bytes(_ string: String) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(string.utf8.count)
    let scalars = Array(string.decomposedStringWithCanonicalMapping.unicodeScalars)
    var i = 0
    while i < scalars.count {
        let base = scalars[i]
        i += 1
        var marks: [Unicode.Scalar] = []
        var tones: [Unicode.Scalar] = []
        while i < scalars.count, scalars[i].properties.canonicalCombiningClass != .notReordered {
            if CP1258.toneMarks.contains(scalars[i].value) { tones.append(scalars[i]) } else { marks.append(scalars[i]) }
            i += 1
        }
        // The base letter with its non-tone marks, precomposed (e + U+0302 -> ê).
        var cluster = String.UnicodeScalarView()
        cluster.append(base)
        cluster.append(contentsOf: marks)
        let composed = String(cluster).precomposedStringWithCanonicalMapping.unicodeScalars
        for s in composed {
            guard let b = CP1258.byte(for: s) else { return nil }
            out.append(b)
        }
        for t in tones {
            guard let b = CP1258.byte(for: t) else { return nil }
            out.append(b)
        }
    }
    return out
}

private enum CP1258 {
    static let toneMarks: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

    /// Code points of bytes 0x80...0xFF (0 = unassigned), the official Microsoft table.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178,
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
    ]

    static let reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (i, cp) in high.enumerated() where cp != 0 { map[cp] = UInt8(0x80 + i) }
        return map
    }()

    static func byte(for s: Unicode.Scalar) -> UInt8? {
        if s.value < 0x80 { return UInt8(s.value) }
        return reverse[s.value]
    }
}
