import Foundation

/// A small bounded queue between the reading thread and the writing thread, so that parsing overlaps
/// with writing on the second core while memory stays flat (at most `capacity` batches in flight).
final class BlockingQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var closed = false

    init(capacity: Int) { self.capacity = capacity }

    /// Blocks while full. Returns false when the consumer has closed the queue (stop producing).
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Items waiting to be taken.
    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count
    }

    /// Blocks while empty.
    func take() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Tells the producer to stop; items not yet taken are dropped.
    func close() {
        condition.lock()
        closed = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
