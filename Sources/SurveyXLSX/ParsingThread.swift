import Foundation

/// Parses a sheet's XML on its own thread, a bounded queue of row batches ahead of the reader: libxml2
/// and `SheetHandler` run on one core while the rows are turned into records on another (the inflating
/// has a thread of its own too). Batches are handed back and reused, so memory is at most `capacity`
/// batches of a few hundred rows in flight.
final class ParsingThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var full: [RawRows] = []
    private var spare: [RawRows] = []
    private var finished = false
    private var closed = false
    private var failure: (any Error)?
    private let capacity: Int

    /// Starts parsing `part` of `book` at once.
    init(_ book: Workbook, part: String, batchRows: Int = 128, capacity: Int = 3) {
        self.capacity = capacity
        nonisolated(unsafe) let book = book
        let thread = Thread { [self] in
            Thread.current.name = "sipas-xml"
            struct Closed: Error {}
            do {
                try book.parseSheet(part, batchRows: batchRows) { batch in
                    guard let empty = self.put(batch) else { throw Closed() }
                    batch = empty
                }
                self.finish(nil)
            } catch is Closed {
                self.finish(nil)
            } catch {
                self.finish(error)
            }
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Queues a full batch; returns an empty one to fill next, nil once the reader has closed.
    private func put(_ batch: RawRows) -> RawRows? {
        condition.lock()
        defer { condition.unlock() }
        while full.count >= capacity && !closed { condition.wait() }
        if closed { return nil }
        full.append(batch)
        condition.broadcast()
        return spare.popLast() ?? RawRows()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, nil at the end; rethrows the parser's error (after the batches read before it).
    func next() throws -> RawRows? {
        condition.lock()
        defer { condition.unlock() }
        while full.isEmpty && !finished { condition.wait() }
        if !full.isEmpty {
            let batch = full.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Hands a batch the reader is done with back for reuse.
    func recycle(_ batch: inout RawRows) {
        var done = RawRows()
        swap(&done, &batch)
        done.removeAll()
        condition.lock()
        if spare.count < capacity { spare.append(done) }
        condition.unlock()
    }

    /// Stops the parser early (the reader is done or failed) and waits until it has let go of the workbook.
    func close() {
        condition.lock()
        closed = true
        full.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
