import Foundation
import XCTest

/// Compares `text` with the golden file `Golden/<name>` beside the calling test file.
/// Re-recording is explicit: with `SIPAS_RECORD_GOLDEN=1` the file is (re)written and the test
/// FAILS, so a recording can never pass silently (CI never sets the variable).
public func assertGolden(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Golden")
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["SIPAS_RECORD_GOLDEN"] == "1" {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do { try Data(text.utf8).write(to: url) } catch {
            return XCTFail("could not record \(name): \(error)", file: file, line: line)
        }
        return XCTFail("recorded \(name); unset SIPAS_RECORD_GOLDEN and run again", file: file, line: line)
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        return XCTFail("missing golden file \(url.path); record it with SIPAS_RECORD_GOLDEN=1", file: file, line: line)
    }
    // Bytes, not Strings: Swift's String equality would take NFD for NFC, and BOMs and CRLF matter.
    guard data != Data(text.utf8) else { return }
    XCTFail("\(name): " + goldenDifference(expected: data, actual: Data(text.utf8)), file: file, line: line)
}

/// "first difference at line 12: expected "…" actual "…"" — lines split on LF only and compared as
/// Unicode scalars, so a CR, a BOM or an NFD letter shows up in the quotes.
public func goldenDifference(expected: Data, actual: Data) -> String {
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : nil
        let al = i < a.count ? String(a[i]) : nil
        if el.map({ Array($0.unicodeScalars) }) != al.map({ Array($0.unicodeScalars) }) {
            return "first difference at line \(i + 1):\n  expected: \(el.map { $0.debugDescription } ?? "(end of file)")\n"
                + "  actual:   \(al.map { $0.debugDescription } ?? "(end of file)")"
        }
    }
    return "the bytes differ but no line does (invalid UTF-8?)"
}

/// The repository's root directory (where Package.swift is).
public let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
}()

/// A fresh temporary directory, removed when the test ends.
public func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}
