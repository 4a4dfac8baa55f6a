import Foundation

/// A thread that produces items into a bounded queue ahead of the thread that consumes them: the
/// inflating of a zip member (`InflatingThread`) and the parsing of a sheet's XML (`ParsingThread`) each
/// run on their own core this way. Memory: at most `capacity` items in flight. The producer stops when
/// it is done, when it throws (the consumer gets the error after the items made before it), or when
/// the consumer closes the queue (its next `put` throws and nothing more is produced).
final class ProducerThread<Item>: @unchecked Sendable {
    private struct Closed: Error {}
    private let condition = NSCondition()
    private var items: [Item] = []
    private var finished = false
    private var closed = false
    private var failure: (any Error)?
    private let capacity: Int

    /// Starts `produce` at once on a thread named `name`; it hands each item to `put`.
    init(name: String, stackSize: Int, capacity: Int, produce: @escaping (_ put: (Item) throws -> Void) throws -> Void) {
        self.capacity = capacity
        nonisolated(unsafe) let produce = produce
        let thread = Thread { [self] in
            Thread.current.name = name
            do {
                try produce { item in guard self.put(item) else { throw Closed() } }
                self.finish(nil)
            } catch is Closed {
                self.finish(nil)
            } catch {
                self.finish(error)
            }
        }
        thread.stackSize = stackSize
        thread.start()
    }

    /// Queues an item, waiting while the queue is full; false once the consumer has closed it.
    private func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(item)
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

    /// The next item, nil at the end; rethrows the producer's error (after the items made before it).
    func next() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished { condition.wait() }
        if !items.isEmpty {
            let item = items.removeFirst()
            condition.broadcast()
            return item
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer early (the consumer is done or failed) and waits until it has finished, so
    /// that nothing it uses is freed under it.
    func close() {
        condition.lock()
        closed = true
        items.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
