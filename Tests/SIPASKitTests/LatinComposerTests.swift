import CUnicodeNFC
import Foundation
import XCTest
import SIPASTestSupport

/// The table-driven composer for Latin letters and Vietnamese marks (`sipas_nfc_utf8_latin`) gives
/// exactly ICU's NFC wherever it answers, answers for decomposed Vietnamese, and leaves everything
/// else to ICU.
final class LatinComposerTests: XCTestCase {
    private enum Answer: Equatable { case declined, text([UInt8]) }

    private func latin(_ bytes: [UInt8]) -> Answer {
        var out = [UInt8](repeating: 0, count: bytes.count + 16)
        let n = sipas_nfc_utf8_latin(bytes, Int32(bytes.count), &out, Int32(out.count))
        if n == SIPAS_NFC_DECLINED { return .declined }
        XCTAssertGreaterThanOrEqual(n, 0)
        return .text(Array(out[..<Int(max(n, 0))]))
    }

    private func icu(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 3 * bytes.count + 16)
        let n = sipas_nfc_utf8_icu(bytes, Int32(bytes.count), &out, Int32(out.count))
        XCTAssertGreaterThanOrEqual(n, 0)
        return Array(out[..<Int(max(n, 0))])
    }

    private static let marks: [UInt32] = [0x300, 0x301, 0x303, 0x309, 0x323, 0x302, 0x306, 0x31B]

    private func utf8(_ scalars: [UInt32]) -> [UInt8] {
        Array(String(String.UnicodeScalarView(scalars.map { Unicode.Scalar($0)! })).utf8)
    }

    /// Every letter of the two ranges followed by every sequence of up to three of the eight marks.
    func testEveryLetterWithUpToThreeMarksAgreesWithICU() {
        var answered = 0, declined = 0
        var sequences: [[UInt32]] = [[]]
        for _ in 0..<3 { sequences += sequences.filter { $0.count == sequences.last!.count }.flatMap { s in Self.marks.map { s + [$0] } } }
        XCTAssertEqual(sequences.count, 1 + 8 + 64 + 512)
        for range in [0x20...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
                for marks in sequences {
                    let bytes = utf8([UInt32(value)] + marks + [0x20])
                    switch latin(bytes) {
                    case .declined: declined += 1
                    case let .text(ours):
                        answered += 1
                        if ours != icu(bytes) {
                            return XCTFail("U+\(String(value, radix: 16)) + \(marks.map { String($0, radix: 16) }): \(ours) ≠ ICU \(icu(bytes))")
                        }
                    }
                }
            }
        }
        // Every letter alone (about 840) and each composition ICU makes of one letter and marks (a few hundred).
        XCTAssertGreaterThan(answered, 1_100)
        XCTAssertGreaterThan(declined, 400_000)
    }

    /// All 72 Vietnamese vowel letters × 2 cases, decomposed, with their marks in every order: in any
    /// order ICU composes into the letter (dot below, of another combining class, before or after the
    /// vowel mark), answered from the table (not left to ICU) as the letter; in the orders that are another
    /// text (a tone before the vowel mark of its own class), never anything but ICU's answer.
    func testVietnameseLettersInAnyMarkOrderAreAnswered() {
        let vowels = "aăâeêioôơuưy"
        let tones: [String] = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]
        var count = 0
        for vowel in vowels + vowels.uppercased() {
            for tone in tones {
                let letter = (String(vowel) + tone).precomposedStringWithCanonicalMapping
                XCTAssertEqual(letter.unicodeScalars.count, 1, "\(vowel)+\(tone)")
                let nfd = Array(letter.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value))
                let base = nfd[0], marks = Array(nfd.dropFirst())
                for order in permutations(marks) {
                    let text = utf8([0x4E, base] + order + [0x67])  // "N…g"
                    let reference = icu(text)
                    if reference == Array("N\(letter)g".utf8) {
                        XCTAssertEqual(latin(text), .text(reference), "\(letter) with marks \(order)")
                        count += 1
                    } else if case let .text(ours) = latin(text) {
                        XCTAssertEqual(ours, reference, "\(letter) with marks \(order)")
                    }
                }
            }
        }
        // 72 letters a case, and a second order for the six with the dot below and a vowel mark (ậ ặ ệ ộ ợ ự)
        // and the eight with the horn and another tone (ờ ớ ỡ ở ừ ứ ữ ử): the horn is of a class of its own.
        XCTAssertEqual(count, 2 * (72 + 6 + 8))
        let name = Array("Nguye\u{302}\u{303}n Va\u{306}n Đu\u{31B}\u{301}c – “tận tình” 😀".utf8)
        XCTAssertEqual(latin(name), .text(Array("Nguyễn Văn Đức – “tận tình” 😀".utf8)))
    }

    private func permutations(_ items: [UInt32]) -> [[UInt32]] {
        if items.count <= 1 { return [items] }
        return items.indices.flatMap { i -> [[UInt32]] in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }

    /// Random text of Vietnamese pieces, other marks, other scripts and characters that interact with
    /// their neighbours: whatever the table answers is ICU's NFC, and the whole (table or ICU) is
    /// Foundation's.
    func testRandomTextAgreesWithICUAndFoundation() {
        var rng = SplitMix64(seed: 1258)
        let pieces: [[UInt32]] = [[0x61], [0x65], [0x6F], [0x75], [0x79], [0x41], [0x110], [0x111], [0x20], [0x2C], [0x31],
                                  [0x300], [0x301], [0x303], [0x309], [0x323], [0x302], [0x306], [0x31B],
                                  [0x1A1], [0x1B0], [0x1EC7], [0xE2], [0x304], [0x308], [0x328], [0x2013], [0x201C],
                                  [0x1100], [0x1161], [0x11A8], [0xD55C], [0x6F22], [0x1F600], [0x958], [0x212B],
                                  [0xF900], [0x340], [0x344], [0x1E9B], [0xC5], [0x0B47], [0x0B3E]]
        var answered = 0
        for i in 0..<20_000 {
            let scalars = (0..<Int(rng.next() % 30 + 1)).flatMap { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
            let bytes = utf8(scalars)
            let reference = icu(bytes)
            if case let .text(ours) = latin(bytes) {
                answered += 1
                XCTAssertEqual(ours, reference, "text \(i): \(scalars.map { String($0, radix: 16) })")
            }
            let foundation = Array(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
            XCTAssertEqual(reference, foundation, "text \(i): \(scalars.map { String($0, radix: 16) })")
            var out = [UInt8](repeating: 0, count: 3 * bytes.count + 16)
            let n = sipas_nfc_utf8(bytes, Int32(bytes.count), &out, Int32(out.count))
            XCTAssertEqual(Array(out[..<Int(max(n, 0))]), reference, "text \(i)")
        }
        XCTAssertGreaterThan(answered, 500)
    }

    /// Bytes that are not UTF-8 and a too small output are declined, never guessed at.
    func testMalformedBytesAndSmallOutputAreDeclined() {
        for bytes: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                               [0x61, 0xCC], [0x61, 0xE1, 0xBB], [0x80], [0xFF]] {
            XCTAssertEqual(latin(bytes), .declined, "\(bytes)")
        }
        let text = Array("tha\u{306}\u{301}ng".utf8)
        var out = [UInt8](repeating: 0, count: 3)
        XCTAssertEqual(sipas_nfc_utf8_latin(text, Int32(text.count), &out, 3), SIPAS_NFC_DECLINED)
        XCTAssertEqual(latin(text), .text(Array("thắng".utf8)))
    }
}
