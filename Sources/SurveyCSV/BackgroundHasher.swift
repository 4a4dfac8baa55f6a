internal import Dispatch

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Hashes the raw chunks of a read, in order. For large files on a multi-core machine the
/// hashing runs on a serial background queue while the calling thread parses the same chunk;
/// the reader must call `waitUntilHashed(slot:)` before overwriting a chunk buffer.
final class BackgroundHasher: @unchecked Sendable {
    /// Files smaller than this are hashed inline: a thread hop costs more than it saves.
    static let backgroundThreshold = 4 << 20

    let isBackground: Bool
    private let hasher = SHA256()
    private let queue: DispatchQueue?
    private let done: [DispatchSemaphore]
    private var pending: [Bool]

    init(fileSize: Int, slots: Int) {
        isBackground = fileSize >= BackgroundHasher.backgroundThreshold && BackgroundHasher.processorCount > 1
        queue = isBackground ? DispatchQueue(label: "SurveyCSV.sha256") : nil
        // Value 0: each completed hash signals once and is waited for at most once.
        done = (0..<slots).map { _ in DispatchSemaphore(value: 0) }
        pending = Array(repeating: false, count: slots)
    }

    private static var processorCount: Int {
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }

    /// Hashes `bytes` (owned by buffer `slot`, which must stay untouched until
    /// `waitUntilHashed(slot:)` returns).
    func update(_ bytes: UnsafeRawBufferPointer, slot: Int) {
        guard let queue else {
            hasher.update(bytes)
            return
        }
        pending[slot] = true
        let chunk = ChunkPointer(bytes: bytes)
        let semaphore = done[slot]
        queue.async {
            self.hasher.update(chunk.bytes)
            semaphore.signal()
        }
    }

    /// Blocks until the chunk last hashed from buffer `slot` is done.
    func waitUntilHashed(slot: Int) {
        if pending[slot] {
            done[slot].wait()
            pending[slot] = false
        }
    }

    /// Blocks until every queued chunk is hashed (call before freeing the buffers).
    func drain() {
        queue?.sync {}
        for slot in pending.indices { waitUntilHashed(slot: slot) }
    }

    /// The digest of everything hashed (drains first).
    func finalizeHex() -> String {
        drain()
        return hasher.finalizeHex()
    }
}

/// A chunk handed to the hashing queue; the reader keeps the memory alive until it is hashed.
private struct ChunkPointer: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}
