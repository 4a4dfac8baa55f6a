import Foundation

/// Maps the raw bytes of a repeated text cell (a unit, a channel, a procedure code) to a small index,
/// so each distinct value is decoded and NFC-normalised once per file, not once per row.
struct ByteInterner: Sendable {
    private var slots = HashSlots()
    /// The bytes of every entry, back to back; entry i is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    /// The NFC text of each entry, by index.
    private(set) var values: [String] = []
    /// The `ContentHash` of each entry's NFC text, computed once.
    private(set) var contentHashes: [UInt64] = []

    var count: Int { values.count }

    /// The index of `bytes`, adding it (with `normalize` applied once) when new.
    mutating func index(of bytes: UnsafeBufferPointer<UInt8>, isNew: inout Bool) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let found = keyBytes.withUnsafeBufferPointer { keys in
            slots.find(hash) { entry in
                let start = keyStarts[entry], end = keyStarts[entry &+ 1]
                guard end &- start == bytes.count else { return false }
                return bytes.isEmpty || memcmp(keys.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
            }
        }
        if let found {
            isNew = false
            return found
        }
        let entry = slots.append(hash)
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(keyBytes.count)
        let text = String(decoding: bytes, as: UTF8.self).nfc
        values.append(text)
        var hasher = ContentHash()
        hasher.add(text)
        contentHashes.append(hasher.state)
        isNew = true
        return entry
    }

    mutating func index(of bytes: ArraySlice<UInt8>, isNew: inout Bool) -> Int {
        bytes.withUnsafeBufferPointer { index(of: $0, isNew: &isNew) }
    }

    /// An index for a text that is not in any file (e.g. the empty "not given" value).
    mutating func add(_ text: String) -> Int {
        var isNew = false
        return index(of: ArraySlice(Array(text.utf8)), isNew: &isNew)
    }
}
