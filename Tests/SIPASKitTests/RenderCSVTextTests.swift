import Foundation
import SIPASStatistics
import SIPASTestSupport
import XCTest

@testable import SIPASKit

final class RenderCSVTextTests: XCTestCase {
    func testCellQuotesOnlyWhenNeeded() {
        XCTAssertEqual(CSVText.cell("Hài lòng"), "Hài lòng")
        XCTAssertEqual(CSVText.cell("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVText.cell("nói \"không\""), "\"nói \"\"không\"\"\"")
        XCTAssertEqual(CSVText.cell("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"")
        XCTAssertEqual(CSVText.cell("a\rb"), "\"a\rb\"")
        XCTAssertEqual(CSVText.cell(""), "")
    }

    func testUserCellNeutralisesFormulaStarts() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            XCTAssertEqual(CSVText.userCell(start + "1+1"), "'" + start + "1+1")
        }
        XCTAssertEqual(CSVText.userCell("\r\n=1"), "'\r\n=1")
        XCTAssertEqual(CSVText.userCell("1.004256"), "1.004256")
        XCTAssertEqual(CSVText.userCell("Phòng - Ban"), "Phòng - Ban")   // only the first character counts
        XCTAssertEqual(CSVText.userCell("'quoted"), "'quoted")
        XCTAssertEqual(CSVText.userCell(nil as String?), "")
    }

    func testDocumentHasBOMHeaderAndCRLF() {
        let text = CSVText.document(header: ["mã", "tên"], rows: [["1", CSVText.userCell("=A1")], ["2", "a,b"]])
        XCTAssertEqual(text, "\u{FEFF}mã,tên\r\n1,'=A1\r\n2,\"a,b\"\r\n")
        XCTAssertEqual(parseCSV(text), [["mã", "tên"], ["1", "'=A1"], ["2", "a,b"]])
    }

    func testOurNumbersArePlain() {
        XCTAssertEqual(CSVText.fraction(0.96434), "0.9643")
        XCTAssertEqual(CSVText.fraction(-0.04123), "-0.0412")
        XCTAssertEqual(CSVText.fraction(nil), "")
        XCTAssertEqual(CSVText.flag(true), "1")
    }

    func testTextTableIgnoresColourCodesInWidths() {
        let red = "\u{1B}[31m✗\u{1B}[0m"
        let table = TextTable(headers: ["a", "b"], rows: [[red, "x"], ["yy", "z"]]).render()
        XCTAssertEqual(stripANSI(table), TextTable(headers: ["a", "b"], rows: [["✗", "x"], ["yy", "z"]]).render())
        XCTAssertEqual(TextTable.visibleWidth(red), 1)
    }

    func testNumberShapes() {
        let i = Interval(value: 0.964, low: 0.941, high: 0.978)
        XCTAssertEqual(NumberFormat.interval(i, .vi), "[94,1–97,8]")
        XCTAssertEqual(NumberFormat.interval(i, .en), "[94.1–97.8]")
        XCTAssertEqual(NumberFormat.target(0.96, .vi), "96%")
        XCTAssertEqual(NumberFormat.target(0.965, .vi), "96,5%")
        let nearZero = ChangeValue(Change(difference: Interval(value: 0.008, low: 0.0003, high: 0.015)), method: "mover")
        XCTAssertEqual(NumberFormat.changeInterval(nearZero, .vi), "[+0,03; +1,5]")
        XCTAssertEqual(NumberFormat.smallPoints(0.0004, .en), "+0.04 pt")
        XCTAssertEqual(NumberFormat.smallPoints(0.0094, .vi), "+0,9 điểm")
        XCTAssertEqual(Labels.shorten("một hai ba bốn năm sáu bảy tám", to: 12), "một hai ba…")
    }

    func testGoldenNamesTheFirstDifferingLine() {
        let message = goldenDifference(expected: Data("a\nb\r\nc\n".utf8), actual: Data("a\nb\nc\n".utf8))
        XCTAssertTrue(message.contains("line 2"), message)
        XCTAssertTrue(message.contains("\\r"), message)   // the CR is shown, not swallowed
    }
}
