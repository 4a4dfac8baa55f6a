import Foundation

/// Inflates a zip member on its own thread, a bounded queue of chunks ahead of the XML parser: the
/// inflating (zlib and the CRC check) runs on the second core while the parser works on the first.
/// Memory: at most `capacity` chunks in flight.
final class InflatingThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var closed = false
    private var failure: (any Error)?
    private let capacity: Int

    /// Starts inflating `part` of `archive` at once.
    init(_ archive: ZipArchive, part: String, chunkSize: Int = 256 << 10, capacity: Int = 8) {
        self.capacity = capacity
        nonisolated(unsafe) let archive = archive
        let thread = Thread { [self] in
            Thread.current.name = "sipas-inflate"
            struct Closed: Error {}
            do {
                try archive.readData(part, chunkSize: chunkSize) { chunk in
                    guard self.put(chunk) else { throw Closed() }
                }
                self.finish(nil)
            } catch is Closed {
                self.finish(nil)
            } catch {
                self.finish(error)
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func put(_ chunk: Data) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !closed { condition.wait() }
        if closed { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, nil at the end; rethrows the inflater's error.
    func next() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the inflater early (the reader is done or failed) and waits until it has let go of the archive.
    func close() {
        condition.lock()
        closed = true
        chunks.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
