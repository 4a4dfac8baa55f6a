import Foundation
import ZIPFoundation

/// The workbook's zip, through ZIPFoundation: the only place that touches it.
final class ZipArchive {
    let path: String
    private let archive: Archive

    init(path: String) throws(XLSXError) {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAWorkbook(path: path)
        }
    }

    static func containsWorkbook(path: String) -> Bool {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else { return false }
        return archive["xl/workbook.xml"] != nil
    }

    func contains(_ part: String) -> Bool { archive[part] != nil }

    /// Uncompressed size of a part, or nil when missing.
    func size(of part: String) -> Int? { archive[part].map { Int($0.uncompressedSize) } }

    /// Inflates `part` in chunks of about `chunkSize` bytes, handing each to `consumer` (the CRC is checked).
    func read(_ part: String, chunkSize: Int = 64 << 10, _ consumer: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = archive[part] else { throw XLSXError.missingPart(path: path, part: part) }
        var failure: (any Error)?
        do {
            _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { data in
                do {
                    try data.withUnsafeBytes { try consumer($0) }
                } catch {
                    failure = error
                    throw error
                }
            }
        } catch {
            if let failure { throw failure }
            throw XLSXError.damagedPart(path: path, part: part, reason: String(describing: error))
        }
    }

    /// Inflates `part` in chunks of about `chunkSize` bytes, handing each over as `Data` it may keep.
    func readData(_ part: String, chunkSize: Int, _ consumer: (Data) throws -> Void) throws {
        guard let entry = archive[part] else { throw XLSXError.missingPart(path: path, part: part) }
        var failure: (any Error)?
        do {
            _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { data in
                do { try consumer(data) } catch { failure = error; throw error }
            }
        } catch {
            if let failure { throw failure }
            throw XLSXError.damagedPart(path: path, part: part, reason: String(describing: error))
        }
    }

    /// The whole part (for the small ones: workbook.xml, rels, styles).
    func data(_ part: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(part) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
