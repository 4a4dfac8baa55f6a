import Foundation
import XCTest
@testable import SIPASKit
import SIPASTestSupport

/// ICU's NFC (what the import normalises text with) agrees with Foundation's on every Vietnamese
/// letter in both spellings, on marks in any order, on text that grows when composed and on long text.
final class UnicodeNFCTests: XCTestCase {
    private func assertAgrees(_ text: String, _ label: @autoclosure () -> String, line: UInt = #line) {
        let ours = UnicodeNFC.normalize(text), foundation = text.precomposedStringWithCanonicalMapping
        if !ours.utf8.elementsEqual(foundation.utf8) {
            XCTFail("\(label()): ICU \(Array(ours.unicodeScalars.map(\.value))) ≠ Foundation \(Array(foundation.unicodeScalars.map(\.value)))",
                    line: line)
        }
    }

    func testEveryLatinLetterPrecomposedAndDecomposed() {
        for range in [0xA0...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
                let letter = String(Character(scalar))
                assertAgrees(letter, "U+\(String(value, radix: 16))")
                assertAgrees(letter.decomposedStringWithCanonicalMapping, "NFD of U+\(String(value, radix: 16))")
            }
        }
        // The Vietnamese letters come back precomposed from their decomposed spelling.
        XCTAssertEqual(Array(UnicodeNFC.normalize("Nguye\u{302}\u{303}n Va\u{306}n Đu\u{31B}\u{301}c").utf8),
                       Array("Nguyễn Văn Đức".utf8))
    }

    func testMarksInAnyOrderAndOtherScripts() {
        var rng = SplitMix64(seed: 2024)
        let pieces = ["a", "e", "o", "u", "y", "A", "Đ", " ", "1", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}",
                      "\u{302}", "\u{306}", "\u{31B}", "ơ", "ư", "ệ", "\u{1100}", "\u{1161}", "\u{11A8}", "한", "漢", "😀",
                      "\u{0958}", "\u{FB2C}", "\u{212B}", "\u{F900}"]
        for i in 0..<3_000 {
            let text = (0..<Int(rng.next() % 40 + 1)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            assertAgrees(text, "random text \(i): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    func testTextThatGrowsAndLongText() {
        // U+0958 is excluded from composition: NFC spells it as two code points, 3 bytes become 6.
        let growing = String(repeating: "\u{0958}", count: 2_000)
        XCTAssertEqual(UnicodeNFC.normalize(growing).utf8.count, 12_000)
        assertAgrees(growing, "U+0958 × 2000")
        let comment = "Cán bộ hướng dẫn tận tình, chu đáo; thủ tục được giải quyết đúng hạn. ".decomposedStringWithCanonicalMapping
        let long = String(repeating: comment, count: 400)
        XCTAssertGreaterThan(long.utf8.count, 30_000)
        assertAgrees(long, "a long decomposed comment")
        XCTAssertEqual(UnicodeNFC.normalize(""), "")
    }
}
