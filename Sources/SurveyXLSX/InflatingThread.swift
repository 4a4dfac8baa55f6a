import Foundation

/// Inflates a zip member on its own thread, a bounded queue of chunks ahead of the XML parser: the
/// inflating (zlib and the CRC check) runs on the second core while the parser works on the first.
/// Memory: at most `capacity` chunks in flight.
final class InflatingThread: Sendable {
    private let queue: ProducerThread<Data>

    /// Starts inflating `part` of `archive` at once.
    init(_ archive: ZipArchive, part: String, chunkSize: Int = 256 << 10, capacity: Int = 8) {
        nonisolated(unsafe) let archive = archive
        queue = ProducerThread(name: "sipas-inflate", stackSize: 1 << 20, capacity: capacity) { put in
            try archive.readData(part, chunkSize: chunkSize) { try put($0) }
        }
    }

    /// The next chunk, nil at the end; rethrows the inflater's error.
    func next() throws -> Data? { try queue.next() }

    /// Stops the inflater early (the reader is done or failed) and waits until it has let go of the archive.
    func close() { queue.close() }
}
