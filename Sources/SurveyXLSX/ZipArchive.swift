import Foundation
import ZIPFoundation
internal import CZlibSystem

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
        try readData(part, chunkSize: chunkSize) { data in try data.withUnsafeBytes { try consumer($0) } }
    }

    /// Inflates `part` in chunks of about `chunkSize` bytes, handing each over as `Data` it may keep. The
    /// CRC-32 of the inflated bytes is computed with zlib's `crc32` (ZIPFoundation's own falls back to a
    /// pure-Swift loop on Linux, 2 s of CPU for a 794 MiB sheet) and checked against the entry's at the end:
    /// a mismatch is the damaged part ZIPFoundation would report (`invalidCRC32`).
    func readData(_ part: String, chunkSize: Int, _ consumer: (Data) throws -> Void) throws {
        guard let entry = archive[part] else { throw XLSXError.missingPart(path: path, part: part) }
        var failure: (any Error)?
        var crc = crc32(0, nil, 0)
        do {
            _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: true) { data in
                crc = data.withUnsafeBytes { bytes in
                    crc32(crc, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
                }
                do { try consumer(data) } catch { failure = error; throw error }
            }
        } catch {
            if let failure { throw failure }
            throw XLSXError.damagedPart(path: path, part: part, reason: String(describing: error))
        }
        guard CRC32(truncatingIfNeeded: crc) == entry.checksum else {
            throw XLSXError.damagedPart(path: path, part: part,
                                        reason: String(describing: Archive.ArchiveError.invalidCRC32))
        }
    }

    /// The whole part (for the small ones: workbook.xml, rels, styles).
    func data(_ part: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(part) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
