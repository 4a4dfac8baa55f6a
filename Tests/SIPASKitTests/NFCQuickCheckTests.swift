import Foundation
import XCTest
@testable import SIPASKit

/// The quick check says "NFC" only where Foundation's NFC would change nothing, alone or after a
/// letter it could compose with.
final class NFCQuickCheckTests: XCTestCase {
    private func quick(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { NFCQuickCheck.isNFC($0) }
    }

    func testEveryCodePointItAcceptsIsStableUnderNFC() {
        let starters = ["a", "e", "o", "u", "i", "y", "A", "O", "ư", "ơ", "â", "ă", "ê", "ô", "đ", " "]
        var accepted = 0
        for cp in UInt32(0x80)...0x20CF {
            guard let scalar = Unicode.Scalar(cp) else { continue }
            let char = String(Character(scalar))
            guard quick(char) else { continue }
            accepted += 1
            XCTAssertEqual(scalar.properties.canonicalCombiningClass, .notReordered, "U+\(String(cp, radix: 16))")
            XCTAssertEqual(char.precomposedStringWithCanonicalMapping, char, "U+\(String(cp, radix: 16))")
            for starter in starters {
                let pair = starter + char
                XCTAssertEqual(pair.precomposedStringWithCanonicalMapping, pair, "\(starter) + U+\(String(cp, radix: 16))")
            }
        }
        XCTAssertGreaterThan(accepted, 700)
    }

    func testVietnameseTextIsRecognisedAndDecomposedTextIsNot() {
        let nfc = "Cán bộ hướng dẫn tận tình, thủ tục nhanh gọn – phí 50.000 ₫"
        XCTAssertTrue(quick(nfc))
        XCTAssertTrue(quick("ASCII only, 123"))
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertFalse(quick(nfd), "combining marks go through Foundation")
        XCTAssertFalse(quick("e\u{301}"))
        XCTAssertFalse(quick("日本"), "other scripts go through Foundation")
        XCTAssertFalse(quick("\u{2000}"), "a singleton (EN QUAD → EN SPACE) is not NFC")
    }

    func testMalformedAndCutSequencesAreNotClaimed() {
        for bytes: [UInt8] in [[0xC3], [0xE1, 0xBA], [0xC3, 0x41], [0xE1, 0x41, 0x80], [0xC0, 0x80], [0xFF]] {
            XCTAssertFalse(bytes.withUnsafeBufferPointer { NFCQuickCheck.isNFC($0) }, "\(bytes)")
        }
    }
}
