import XCTest
@testable import SIPASKit

/// Dates are read day first (never month first), with an optional time; impossible dates are told
/// apart from text that is not a date at all.
final class ImportDateReaderTests: XCTestCase {
    private func read(_ text: String) -> DateReader.Outcome {
        DateReader().read(ArraySlice(Array(text.utf8)))
    }

    func testDayFirstWithSlashes() {
        XCTAssertEqual(read("31/12/2024"), .date(day: 20241231, time: nil))
        XCTAssertEqual(read("05/03/2024"), .date(day: 20240305, time: nil))   // 5 March, not 3 May
    }

    func testShortDayAndMonth() {
        XCTAssertEqual(read("2/1/2024"), .date(day: 20240102, time: nil))    // 2 January
        XCTAssertEqual(read("9/11/2023"), .date(day: 20231109, time: nil))
    }

    func testDayFirstWithDashes() {
        XCTAssertEqual(read("05-03-2024"), .date(day: 20240305, time: nil))
        XCTAssertEqual(read("31-12-2023"), .date(day: 20231231, time: nil))
    }

    func testISODate() {
        XCTAssertEqual(read("2024-03-05"), .date(day: 20240305, time: nil))
        XCTAssertEqual(read("2024-12-31"), .date(day: 20241231, time: nil))
    }

    func testTimes() {
        // 09:16 = 9 × 3600 + 16 × 60 = 33,360 s
        XCTAssertEqual(read("2/1/2024 09:16"), .date(day: 20240102, time: 33_360))
        // 08:11:28 = 28,800 + 660 + 28 = 29,488 s
        XCTAssertEqual(read("2024-07-01 08:11:28"), .date(day: 20240701, time: 29_488))
        XCTAssertEqual(read("2024-07-01T08:11:28"), .date(day: 20240701, time: 29_488))
        // 23:59:59 = 86,399 s, the last second of the day
        XCTAssertEqual(read("31/12/2024 23:59:59"), .date(day: 20241231, time: 86_399))
        XCTAssertEqual(read("01-06-2024 00:00"), .date(day: 20240601, time: 0))
    }

    func testSurroundingSpacesAreIgnored() {
        XCTAssertEqual(read("  15/03/2024  "), .date(day: 20240315, time: nil))
    }

    func testImpossibleDates() {
        XCTAssertEqual(read("31/02/2024"), .impossible)
        XCTAssertEqual(read("29/02/2023"), .impossible)           // 2023 is not a leap year
        XCTAssertEqual(read("2024-09-31 14:20:05"), .impossible)  // September has 30 days
        XCTAssertEqual(read("00/01/2024"), .impossible)
        XCTAssertEqual(read("15/13/2024"), .impossible)
        XCTAssertEqual(read("15/03/2024 24:00"), .impossible)
        XCTAssertEqual(read("15/03/2024 10:60"), .impossible)
    }

    func testLeapDay() {
        XCTAssertEqual(read("29/02/2024"), .date(day: 20240229, time: nil))
        XCTAssertEqual(read("2000-02-29"), .date(day: 20000229, time: nil))   // divisible by 400
        XCTAssertEqual(read("29/02/1900"), .impossible)                        // divisible by 100, not 400
    }

    func testMonthFirstUSDateIsImpossibleNotSwapped() {
        // Read day first: day 12 of month 31, which does not exist. Never silently swapped.
        XCTAssertEqual(read("12/31/2024"), .impossible)
        XCTAssertEqual(read("1/13/2024"), .impossible)
    }

    func testGarbageIsMalformed() {
        XCTAssertEqual(read("hôm qua"), .malformed)
        XCTAssertEqual(read("garbage"), .malformed)
        XCTAssertEqual(read("2/1/24"), .malformed)             // two-digit year
        XCTAssertEqual(read("31.12.2024"), .malformed)
        XCTAssertEqual(read("31/12-2024"), .malformed)         // mixed separators
        XCTAssertEqual(read("31/12/2024x"), .malformed)
        XCTAssertEqual(read("31/12/2024 9h16"), .malformed)
        XCTAssertEqual(read("131/12/2024"), .malformed)
    }

    func testEmptyIsMissing() {
        XCTAssertEqual(read(""), .missing)
        XCTAssertEqual(read("   "), .missing)
    }

    func testDayRangeParseDayUsesTheSameReader() {
        XCTAssertEqual(DayRange.parseDay("2/1/2024"), 20240102)
        XCTAssertEqual(DayRange.parseDay("12/31/2024"), nil)
        XCTAssertTrue(DayRange.year(2024).isWholeMonths)
        XCTAssertFalse(DayRange(from: 20240102, to: 20241231).isWholeMonths)
        XCTAssertTrue(DayRange(from: 20240201, to: 20240229).isWholeMonths)
        XCTAssertFalse(DayRange(from: 20230201, to: 20230229).isWholeMonths)
    }
}
