import Foundation
import XCTest
@testable import SIPASKit
import SurveyCSV

/// A file imported before is recognised by its SHA-256 before its rows are read (or, for a large file
/// hashed alongside the parse, a few batches in), and nothing changes.
final class ImportEarlyRecognitionTests: ImportTestCase {
    private func text(_ n: Int) -> String {
        ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(n))
    }

    func testASmallFileImportedBeforeIsRecognisedBeforeAnyRowIsRead() throws {
        let (path, first, _) = try importText(text(300), as: "a.csv")
        XCTAssertEqual(first.rowsRead, 300, "a new file's rows are all read")
        XCTAssertEqual(first.imported, 300)
        let everything = try ImportFixtures.dumpAll(db.path)

        let (again, diagnostics) = try importPath(path)
        XCTAssertTrue(again.alreadyImported)
        XCTAssertEqual(again.rowsRead, 0, "recognised before any row was read")
        XCTAssertEqual(again.rows, 300, "the earlier import's row count")
        XCTAssertEqual(again.sha256, first.sha256)
        XCTAssertEqual(again.bytes, first.bytes)
        XCTAssertEqual(again.encoding, first.encoding)
        XCTAssertEqual(again.delimiter, first.delimiter)
        XCTAssertEqual([again.imported, again.duplicates, again.conflicts, again.replaced, again.rejected], [0, 0, 0, 0, 0])
        XCTAssertEqual(diagnostics.map(\.code), [.alreadyImported])
        XCTAssertEqual(diagnostics.first?.detail?.hasPrefix(path + ", "), true, diagnostics.first?.detail ?? "")
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), everything)
    }

    func testALargeFileHashedAlongsideTheParseIsRecognisedMidWay() throws {
        var options = ImportOptions()
        options.digestInlineBelow = 0       // hash in the background, as for a file of 16 MiB or more
        options.batchSize = 16
        let n = 6_000
        let (path, first, _) = try importText(text(n), as: "big.csv", options: options)
        XCTAssertEqual(first.imported, n)
        XCTAssertEqual(first.rowsRead, n)
        let everything = try ImportFixtures.dumpAll(db.path)

        let (again, diagnostics) = try importPath(path, options: options)
        XCTAssertTrue(again.alreadyImported)
        XCTAssertLessThan(again.rowsRead, n / 2, "recognised well before the end")
        XCTAssertEqual(again.rows, n)
        XCTAssertEqual(again.sha256, first.sha256)
        XCTAssertEqual(diagnostics.map(\.code), [.alreadyImported])
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), everything, "the rows written before it was recognised rolled back")
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testABackgroundDigestIsTheDigestOfTheFile() throws {
        var options = ImportOptions()
        options.digestInlineBelow = 0
        let bytes = Array(text(500).utf8)
        let (_, receipt, _) = try importBytes(bytes, as: "b.csv", options: options)
        XCTAssertEqual(receipt.sha256, SHA256.hex(bytes))
        let (_, inline, _) = try importBytes(bytes + Array("\n".utf8), as: "c.csv")
        XCTAssertEqual(inline.sha256, SHA256.hex(bytes + Array("\n".utf8)))
        XCTAssertFalse(inline.alreadyImported, "one more byte is another file")
    }

    /// A file of a size never imported is hashed at the idle scheduling class and its digest awaited
    /// only at the end; a file of a size seen before is hashed at once, as it may be that file. Both
    /// digests are the file's, and a file of the same size with other bytes is imported as new.
    func testTheDigestOfAFileOfANewSizeIsTakenAtTheEnd() throws {
        var options = ImportOptions()
        options.digestInlineBelow = 0
        let bytes = Array(text(400).utf8)
        XCTAssertFalse(try db.importRecordExists(bytes: bytes.count))
        let (_, first, _) = try importBytes(bytes, as: "new-size.csv", options: options)
        XCTAssertEqual(first.sha256, SHA256.hex(bytes))
        XCTAssertTrue(try db.importRecordExists(bytes: bytes.count))
        XCTAssertFalse(try db.importRecordExists(bytes: bytes.count + 1))
        // The same size, one rating changed: another file, and every row a conflict.
        let index = bytes.lastIndex(of: UInt8(ascii: "5"))!
        var other = bytes
        other[index] = UInt8(ascii: "4")
        let (_, second, _) = try importBytes(other, as: "same-size.csv", options: options)
        XCTAssertEqual(second.sha256, SHA256.hex(other))
        XCTAssertFalse(second.alreadyImported)
        XCTAssertEqual(second.conflicts, 1)
        XCTAssertEqual(second.duplicates, 399)
    }
}
