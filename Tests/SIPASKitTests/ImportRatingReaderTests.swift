import Foundation
import XCTest
@testable import SIPASKit

/// Ratings: digits 1–5 or the Vietnamese labels in any case, NFC or NFD, with or without diacritics;
/// no-answer words are not ratings; everything else is an error, never a silent zero.
final class ImportRatingReaderTests: XCTestCase {
    private let five = RatingReader(scale: .five)
    private let three = RatingReader(scale: .three)

    private func cell(_ text: String) -> ArraySlice<UInt8> { ArraySlice(Array(text.utf8)) }
    private func nfd(_ text: String) -> String { text.decomposedStringWithCanonicalMapping }

    func testDigitsOneToFive() {
        for value in 1...5 {
            XCTAssertEqual(five.read(cell("\(value)")), .rating(UInt8(value)))
        }
        XCTAssertEqual(five.read(cell(" 4 ")), .rating(4))
        XCTAssertEqual(five.read(cell("\t3")), .rating(3))
    }

    func testDigitsOutOfScale() {
        XCTAssertEqual(five.read(cell("0")), .outOfScale)
        XCTAssertEqual(five.read(cell("6")), .outOfScale)
        XCTAssertEqual(five.read(cell("9")), .outOfScale)
        XCTAssertEqual(five.read(cell("10")), .outOfScale)
        XCTAssertEqual(five.read(cell("45")), .outOfScale)
    }

    func testLabelsNFC() {
        XCTAssertEqual(five.read(cell("Rất không hài lòng")), .rating(1))
        XCTAssertEqual(five.read(cell("Không hài lòng")), .rating(2))
        XCTAssertEqual(five.read(cell("Bình thường")), .rating(3))
        XCTAssertEqual(five.read(cell("Hài lòng")), .rating(4))
        XCTAssertEqual(five.read(cell("Rất hài lòng")), .rating(5))
    }

    func testLabelsInAnyCase() {
        XCTAssertEqual(five.read(cell("RẤT HÀI LÒNG")), .rating(5))
        XCTAssertEqual(five.read(cell("rất hài lòng")), .rating(5))
        XCTAssertEqual(five.read(cell("BÌNH THƯỜNG")), .rating(3))
        XCTAssertEqual(five.read(cell("hÀi LòNg")), .rating(4))
    }

    func testLabelsNFD() {
        let decomposed = nfd("Rất không hài lòng")
        XCTAssertNotEqual(Array(decomposed.utf8), Array("Rất không hài lòng".utf8), "the fixture must really be NFD")
        XCTAssertEqual(five.read(cell(decomposed)), .rating(1))
        XCTAssertEqual(five.read(cell(nfd("Bình thường"))), .rating(3))
        XCTAssertEqual(five.read(cell(nfd("Rất hài lòng"))), .rating(5))
        XCTAssertEqual(five.read(cell(nfd("Không trả lời"))), .noAnswer)
    }

    func testLabelsWithoutDiacritics() {
        XCTAssertEqual(five.read(cell("rat hai long")), .rating(5))
        XCTAssertEqual(five.read(cell("Rat hai long")), .rating(5))
        XCTAssertEqual(five.read(cell("KHONG HAI LONG")), .rating(2))
        XCTAssertEqual(five.read(cell("Rat khong hai long")), .rating(1))
        XCTAssertEqual(five.read(cell("Binh thuong")), .rating(3))
        XCTAssertEqual(five.read(cell("Hai long")), .rating(4))
    }

    func testNoAnswerWords() {
        for text in ["", " ", "   ", "\t", "Không trả lời", "KHÔNG TRẢ LỜI", "Khong tra loi", "Không biết",
                     "khong biet", "KTL", "ktl"] {
            XCTAssertEqual(five.read(cell(text)), .noAnswer, "'\(text)'")
            XCTAssertEqual(three.read(cell(text)), .noAnswer, "'\(text)' on the three-level scale")
        }
    }

    func testUnknownWordsAreErrors() {
        XCTAssertEqual(five.read(cell("tốt")), .unknown)
        XCTAssertEqual(five.read(cell("Tot")), .unknown)
        XCTAssertEqual(five.read(cell("x")), .unknown)
        XCTAssertEqual(five.read(cell("Rất rất hài lòng")), .unknown)
        XCTAssertEqual(five.read(cell("-1")), .unknown)
        XCTAssertEqual(five.read(cell("4.5")), .unknown)
    }

    func testThreeLevelLabels() {
        XCTAssertEqual(three.read(cell("Không hài lòng")), .rating(2))
        XCTAssertEqual(three.read(cell("Hài lòng")), .rating(4))
        XCTAssertEqual(three.read(cell("Rất hài lòng")), .rating(5))
        XCTAssertEqual(three.read(cell("khong hai long")), .rating(2))
        XCTAssertEqual(three.read(cell(nfd("RẤT HÀI LÒNG"))), .rating(5))
    }

    func testThreeLevelDigits() {
        XCTAssertEqual(three.read(cell("1")), .rating(2))
        XCTAssertEqual(three.read(cell("2")), .rating(4))
        XCTAssertEqual(three.read(cell("3")), .rating(5))
        XCTAssertEqual(three.read(cell("0")), .outOfScale)
        XCTAssertEqual(three.read(cell("4")), .outOfScale)
        XCTAssertEqual(three.read(cell("5")), .outOfScale)
    }

    func testFiveLevelOnlyWordsAreNotOnTheThreeLevelScale() {
        XCTAssertEqual(three.read(cell("Bình thường")), .notOnScale)
        XCTAssertEqual(three.read(cell("Rất không hài lòng")), .notOnScale)
        XCTAssertEqual(three.read(cell("tốt")), .unknown)
    }

    func testScaleInference() {
        func infer(_ texts: [String]) -> RatingScale? { RatingReader.inferScale(from: texts.map(cell)) }
        XCTAssertEqual(infer(["Hài lòng", "Rất hài lòng", "Không hài lòng", "", "Không trả lời"]), .three)
        XCTAssertEqual(infer(["Hài lòng", "Rất hài lòng", "5"]), .five)           // a digit: five levels
        XCTAssertEqual(infer(["Hài lòng", "Bình thường"]), .five)                 // a five-level-only word
        XCTAssertEqual(infer(["Hài lòng", "Rất không hài lòng"]), .five)
        XCTAssertNil(infer(["", "KTL", "Không biết"]))                             // says nothing
        XCTAssertNil(infer([]))
    }
}

extension RatingReader {
    /// The tests' cells are arrays; the importer reads cells in place.
    func read(_ bytes: ArraySlice<UInt8>) -> Outcome { bytes.withUnsafeBufferPointer { read($0) } }
}
