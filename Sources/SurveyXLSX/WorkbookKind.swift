import Foundation

/// What a file is, told by its bytes (never its name): a zip that holds `xl/workbook.xml` is a workbook,
/// whatever it is called; `D0 CF 11 E0 A1 B1 1A E1` opens an Excel 97–2003 binary workbook.
public enum WorkbookKind: Sendable, Equatable {
    case workbook, binaryWorkbook, other

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Reads the first bytes of `path` (and, for a zip, its directory). Unreadable files are `.other`:
    /// the CSV reader then reports why.
    public static func of(path: String) -> WorkbookKind {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
        if head.starts(with: oleMagic) { return .binaryWorkbook }
        guard head.starts(with: zipMagic) else { return .other }
        return ZipArchive.containsWorkbook(path: path) ? .workbook : .other
    }
}
