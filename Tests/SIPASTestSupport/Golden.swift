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
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != text else { return }
    let a = expected.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? a[i] : "<end of file>", y = i < b.count ? b[i] : "<end of output>"
        if x != y {
            return XCTFail("\(name) differs at line \(i + 1):\n  expected: \(x)\n  actual:   \(y)", file: file, line: line)
        }
    }
    XCTFail("\(name) differs (line ends or trailing bytes)", file: file, line: line)
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
