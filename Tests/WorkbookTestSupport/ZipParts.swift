import Foundation
import ZIPFoundation

/// Every part of a zip package (a workbook, a Word document) as text, by name: for checks that look
/// for a string anywhere in what was written (e.g. that no personal data leaked into any part).
public enum ZipParts {
    public static func texts(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            parts[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }
}
