import Foundation

/// Parses a sheet's XML on its own thread, a bounded queue of row batches ahead of the reader: libxml2
/// and `SheetHandler` run on one core while the rows are turned into records on another (the inflating
/// has a thread of its own too). Batches are handed back and reused, so memory is at most `capacity`
/// batches of a few hundred rows in flight, and as many spare.
final class ParsingThread: Sendable {
    private let queue: ProducerThread<RawRows>
    private let spares: SpareBatches

    /// Starts parsing `part` of `book` at once.
    init(_ book: Workbook, part: String, batchRows: Int = 128, capacity: Int = 3) {
        nonisolated(unsafe) let book = book
        let spares = SpareBatches(capacity: capacity)
        self.spares = spares
        queue = ProducerThread(name: "sipas-xml", stackSize: 4 << 20, capacity: capacity) { put in
            try withoutActuallyEscaping(put) { put in
                try book.parseSheet(part, batchRows: batchRows) { batch in
                    try put(batch)
                    batch = spares.take() ?? RawRows()
                }
            }
        }
    }

    /// The next batch, nil at the end; rethrows the parser's error (after the batches read before it).
    func next() throws -> RawRows? { try queue.next() }

    /// Hands a batch the reader is done with back for reuse.
    func recycle(_ batch: inout RawRows) {
        var done = RawRows()
        swap(&done, &batch)
        done.removeAll()
        spares.give(done)
    }

    /// Stops the parser early (the reader is done or failed) and waits until it has let go of the workbook.
    func close() { queue.close() }
}

/// Emptied batches waiting to be filled again.
private final class SpareBatches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [RawRows] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func take() -> RawRows? {
        lock.lock()
        defer { lock.unlock() }
        return batches.popLast()
    }

    func give(_ batch: RawRows) {
        lock.lock()
        defer { lock.unlock() }
        if batches.count < capacity { batches.append(batch) }
    }
}
