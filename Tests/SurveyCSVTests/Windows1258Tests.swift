import Foundation
import SIPASTestSupport
import XCTest
@testable import SurveyCSV

final class Windows1258Tests: XCTestCase {
    func testBaseLettersAndToneMarks() {
        XCTAssertEqual(Windows1258.encode("ơ"), [0xF5])
        XCTAssertEqual(Windows1258.encode("ư"), [0xFD])
        XCTAssertEqual(Windows1258.encode("đ"), [0xF0])
        XCTAssertEqual(Windows1258.encode("Đ"), [0xD0])
        XCTAssertEqual(Windows1258.encode("ă"), [0xE3])
        XCTAssertEqual(Windows1258.encode("â"), [0xE2])
        XCTAssertEqual(Windows1258.encode("ê"), [0xEA])
        XCTAssertEqual(Windows1258.encode("ô"), [0xF4])
        XCTAssertEqual(Windows1258.encode("ƠƯĂÂÊÔ"), [0xD5, 0xDD, 0xC3, 0xC2, 0xCA, 0xD4])
        XCTAssertEqual(Windows1258.encode("ộ"), [0xF4, 0xF2])
        XCTAssertEqual(Windows1258.encode("Ộ"), [0xD4, 0xF2])
        XCTAssertEqual(Windows1258.encode("ữ"), [0xFD, 0xDE])
        XCTAssertEqual(Windows1258.encode("ả"), [0x61, 0xD2])
        XCTAssertEqual(Windows1258.encode("ã"), [0x61, 0xDE])
        // Tones are always separate combining bytes, even where a precomposed byte exists.
        XCTAssertEqual(Windows1258.encode("à"), [0x61, 0xCC])
        XCTAssertEqual(Windows1258.encode("Á"), [0x41, 0xEC])
    }

    func testDecomposedInputIsRecomposedOntoBase() {
        // NFD of "ộ" is o + dot below + circumflex.
        let nfd = "ộ".decomposedStringWithCanonicalMapping
        XCTAssertEqual(Array(nfd.unicodeScalars).map(\.value), [0x6F, 0x0323, 0x0302])
        XCTAssertEqual(Windows1258.encode(nfd), [0xF4, 0xF2])
        XCTAssertEqual(Windows1258.encode("u\u{031B}\u{0303}"), [0xFD, 0xDE])
    }

    func testUnencodableGivesNil() {
        XCTAssertNil(Windows1258.encode("日本"))
        XCTAssertNil(Windows1258.encode("😀"))
        XCTAssertNil(Windows1258.encode("Š"))  // 0x8A is undefined in 1258
        XCTAssertNil(Windows1258.encode("x\u{0302}"))  // no x-circumflex in the table
    }

    func testVietnameseSentencesRoundTrip() throws {
        let sentences = [
            "Mã TTHC;Ngày đánh giá;Tên thủ tục hành chính",
            "Cán bộ tiếp nhận hồ sơ hướng dẫn đầy đủ, rõ ràng, dễ hiểu.",
            "Thời gian giải quyết đúng hẹn; phí, lệ phí công khai.",
            "ĐẶNG THỊ NGỌC HUYỀN — Ủy ban nhân dân phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
            "Người dân hài lòng về sự phục vụ của công chức: 95,5% (€ 12 ₫)",
            "Ỷ Ỹ Ỵ ỳ ý ỷ ỹ ỵ ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự",
        ]
        for sentence in sentences {
            for input in [sentence, sentence.decomposedStringWithCanonicalMapping] {
                let encoded = try XCTUnwrap(Windows1258.encode(input), sentence)
                XCTAssertFalse(encoded.contains { $0 >= 0x80 && Windows1258.upperHalf[Int($0) - 0x80] == 0xFFFD })
                let decoded = String(decoding: Windows1258.decode(encoded), as: UTF8.self)
                XCTAssertEqual(decoded.precomposedStringWithCanonicalMapping, sentence, sentence)
            }
        }
    }

    func testEveryVietnameseLetterRoundTrips() throws {
        let vowels = "aăâeêioôơuưy"
        let tones = ["", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
        var count = 0
        for vowel in vowels + vowels.uppercased() {
            for tone in tones {
                let letter = (String(vowel) + tone).precomposedStringWithCanonicalMapping
                let encoded = try XCTUnwrap(Windows1258.encode(letter), letter)
                XCTAssertLessThanOrEqual(encoded.count, 2)
                let decoded = String(decoding: Windows1258.decode(encoded), as: UTF8.self)
                XCTAssertEqual(decoded.precomposedStringWithCanonicalMapping, letter)
                count += 1
            }
        }
        XCTAssertEqual(count, 144)
    }

    func testReaderDecodesGeneratedWindows1258File() throws {
        let rows = [["Mã TTHC", "Ngày đánh giá", "Ý kiến"], ["1.001", "05/03/2024", "Rất hài lòng, cảm ơn"]]
        let text = rows.map { CSVQuoting.line($0, delimiter: UInt8(ascii: ";")) }.joined(separator: "\r\n") + "\r\n"
        let encoded = try XCTUnwrap(Windows1258.encode(text))
        let (records, reader) = try readAll(encoded)
        XCTAssertEqual(reader.encoding, .windows1258)
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(records.map { $0.strings.map { $0.precomposedStringWithCanonicalMapping } }, rows)
    }
}
