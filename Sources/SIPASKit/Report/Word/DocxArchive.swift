import Foundation
internal import ZIPFoundation

/// The only code that touches ZIPFoundation: a package's parts (path → bytes) to zip bytes and back.
/// Entries are deflated, written in the order given, all stamped 1980-01-01 (the zip format's first
/// day), so the same parts always make the same bytes.
public enum DocxArchive {
    public enum Failure: Error, Sendable, Equatable {
        case cannotWrite(String)
        case cannotRead(String)
    }

    static let stamp = Date(timeIntervalSince1970: 315_532_800)

    /// Zips `parts` in order.
    public static func zip(_ parts: [(path: String, data: Data)]) throws(Failure) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in parts {
                let data = part.data
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: stamp, permissions: 0o644, compressionMethod: .deflate,
                                     provider: { position, size in
                                         data.subdata(in: Int(position)..<Int(position) + size)
                                     })
            }
            guard let bytes = archive.data else { throw Failure.cannotWrite("no archive data") }
            return bytes
        } catch let error as Failure {
            throw error
        } catch {
            throw .cannotWrite(String(describing: error))
        }
    }

    /// The parts of a zip, in archive order.
    public static func unzip(_ bytes: Data) throws(Failure) -> [(path: String, data: Data)] {
        do {
            let archive = try Archive(data: bytes, accessMode: .read)
            var parts: [(path: String, data: Data)] = []
            for entry in archive where entry.type == .file {
                var data = Data()
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
                parts.append((entry.path, data))
            }
            return parts
        } catch {
            throw .cannotRead(String(describing: error))
        }
    }
}
