import Foundation
import ZIPFoundation
internal import CZlibSystem

/// The workbook's zip, through ZIPFoundation: the only place that touches it. Parts are read from
/// several threads at once (the shared strings beside the sheet), and a ZIPFoundation `Archive` reads
/// through one file position: the directory is looked up under a lock, and each part is read through a
/// file of its own (ISA-L's reads, or an `Archive` opened for that part).
final class ZipArchive: @unchecked Sendable {
    let path: String
    private let archive: Archive
    private let lock = NSLock()

    private func entry(_ part: String) -> Entry? { lock.withLock { archive[part] } }

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

    func contains(_ part: String) -> Bool { entry(part) != nil }

    /// Uncompressed size of a part, or nil when missing.
    func size(of part: String) -> Int? { entry(part).map { Int($0.uncompressedSize) } }

    /// Inflates `part` in chunks of about `chunkSize` bytes, handing each to `consumer` (the CRC is checked).
    func read(_ part: String, chunkSize: Int = 64 << 10, _ consumer: (UnsafeRawBufferPointer) throws -> Void) throws {
        try readData(part, chunkSize: chunkSize) { data in try data.withUnsafeBytes { try consumer($0) } }
    }

    /// How a part was read: ISA-L from the member's raw deflate data, or ZIPFoundation's `extract`.
    enum Inflater: Equatable { case isal, zipFoundation }

    /// Inflates `part` in chunks of about `chunkSize` bytes, handing each over as `Data` it may keep, and
    /// checks the CRC-32 and size of the whole against the entry's at the end: a mismatch is the damaged
    /// part ZIPFoundation would report (`invalidCRC32`). A deflated member is inflated by ISA-L
    /// (`MemberInflater`), anything else (a stored member, a zip64 one) by ZIPFoundation, with zlib's `crc32`
    /// (ZIPFoundation's own falls back to a pure-Swift loop on Linux, 2 s of CPU for a 794 MiB sheet).
    @discardableResult
    func readData(_ part: String, chunkSize: Int, _ consumer: (Data) throws -> Void) throws -> Inflater {
        guard let entry = entry(part) else { throw XLSXError.missingPart(path: path, part: part) }
        var failure: (any Error)?
        var crc: UInt32 = 0, size: UInt64 = 0
        var inflater = Inflater.zipFoundation
        do {
            if let offset = deflateDataOffset(of: entry, part: part) {
                inflater = .isal
                (crc, size) = try MemberInflater(path: path, offset: offset, compressedSize: entry.compressedSize)
                    .inflate(chunkSize: chunkSize) { data in
                        do { try consumer(data) } catch { failure = error; throw error }
                    }
            } else {
                var z = crc32(0, nil, 0)
                let own = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
                _ = try own.extract(entry, bufferSize: chunkSize, skipCRC32: true) { data in
                    z = data.withUnsafeBytes { bytes in
                        crc32(z, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
                    }
                    size += UInt64(data.count)
                    do { try consumer(data) } catch { failure = error; throw error }
                }
                crc = UInt32(truncatingIfNeeded: z)
            }
        } catch {
            if let failure { throw failure }
            throw XLSXError.damagedPart(path: path, part: part, reason: String(describing: error))
        }
        guard crc == entry.checksum, size == entry.uncompressedSize else {
            throw XLSXError.damagedPart(path: path, part: part,
                                        reason: String(describing: Archive.ArchiveError.invalidCRC32))
        }
        return inflater
    }

    /// Where a deflated member's data starts: after its local header, found at the offset the central
    /// directory gives. ZIPFoundation (pinned at 0.9.20) keeps that offset internal, so it is read by
    /// reflection, and trusted only when the local header there is a deflated member of this very name;
    /// otherwise (zip64 offsets, another layout, a future ZIPFoundation) nil, and ZIPFoundation inflates.
    func deflateDataOffset(of entry: Entry, part: String) -> UInt64? {
        guard entry.type == .file, entry.isCompressed,
              let local = Mirror(reflecting: entry).descendant("centralDirectoryStructure", "relativeOffsetOfLocalHeader")
                as? UInt32, local != UInt32.max,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let name = Array(part.utf8)
        guard (try? handle.seek(toOffset: UInt64(local))) != nil,
              let header = try? handle.read(upToCount: 30 + name.count), header.count == 30 + name.count else { return nil }
        let h = [UInt8](header)
        func u16(_ i: Int) -> Int { Int(h[i]) | Int(h[i + 1]) << 8 }
        guard h[0] == 0x50, h[1] == 0x4B, h[2] == 3, h[3] == 4,  // PK\3\4
              u16(6) & 1 == 0, u16(8) == 8,                     // not encrypted, deflated
              u16(26) == name.count, Array(h[30...]) == name else { return nil }
        return UInt64(local) + 30 + UInt64(name.count) + UInt64(u16(28))
    }

    /// The whole part (for the small ones: workbook.xml, rels, styles).
    func data(_ part: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try read(part) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
