import Foundation
import XCTest

/// Golden files for what people read (house rule 11): `Tests/SIPASKitTests/Golden/<name>`, compared
/// byte for byte (BOM and CRLF included).
///
/// Recording is an explicit act: run the tests with `SIPAS_RECORD_GOLDEN=1` and every golden assertion
/// (re)writes its file and FAILS, saying so; unset the variable and run again to check. A recording run
/// can therefore never pass, in CI or anywhere else.
func assertGolden(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = Golden.directory.appendingPathComponent(name)
    let actual = Data(text.utf8)
    if ProcessInfo.processInfo.environment["SIPAS_RECORD_GOLDEN"] == "1" {
        do {
            try FileManager.default.createDirectory(at: Golden.directory, withIntermediateDirectories: true)
            try actual.write(to: url)
            XCTFail("recorded \(name); unset SIPAS_RECORD_GOLDEN and run again", file: file, line: line)
        } catch {
            XCTFail("could not record \(name) at \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let expected = try? Data(contentsOf: url) else {
        XCTFail("missing golden file \(name) (\(url.path)); record it with SIPAS_RECORD_GOLDEN=1", file: file, line: line)
        return
    }
    guard expected != actual else { return }
    XCTFail("\(name) differs from its golden file: " + Golden.firstDifference(expected: expected, actual: actual)
            + "\n(if the change is intended, re-record with SIPAS_RECORD_GOLDEN=1 and review the diff)",
            file: file, line: line)
}

enum Golden {
    /// `Tests/SIPASKitTests/Golden`, found from this file's own path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // SIPASKitTests
        .appendingPathComponent("Golden", isDirectory: true)

    /// "line 12: expected "…" got "…"" — lines split on LF only, so a CR or a BOM shows up in the quotes.
    static func firstDifference(expected: Data, actual: Data) -> String {
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : nil
            let al = i < a.count ? String(a[i]) : nil
            // Compare scalars, not Strings: Swift's String equality ignores NFC/NFD differences.
            if el.map({ Array($0.unicodeScalars) }) != al.map({ Array($0.unicodeScalars) }) {
                return "first difference at line \(i + 1):\n  expected: \(el.map { $0.debugDescription } ?? "(end of file)")\n"
                    + "  actual:   \(al.map { $0.debugDescription } ?? "(end of file)")"
            }
        }
        return "the bytes differ but no line does (invalid UTF-8?)"
    }
}
