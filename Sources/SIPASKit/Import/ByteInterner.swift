/// Maps the raw bytes of a repeated text cell (a unit, a channel, a procedure code) to a small index,
/// so each distinct value is decoded and NFC-normalised once per file, not once per row.
struct ByteInterner: Sendable {
    private var buckets: [UInt64: [Int]] = [:]
    private var keys: [[UInt8]] = []
    /// The NFC text of each entry, by index.
    private(set) var values: [String] = []
    /// The `ContentHash` of each entry's NFC text, computed once.
    private(set) var contentHashes: [UInt64] = []

    var count: Int { values.count }

    /// The index of `bytes`, adding it (with `normalize` applied once) when new.
    mutating func index(of bytes: ArraySlice<UInt8>, isNew: inout Bool) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        if let candidates = buckets[hash] {
            for candidate in candidates where keys[candidate].elementsEqual(bytes) {
                isNew = false
                return candidate
            }
        }
        let index = values.count
        keys.append(Array(bytes))
        let text = String(decoding: bytes, as: UTF8.self).nfc
        values.append(text)
        var hasher = ContentHash()
        hasher.add(text)
        contentHashes.append(hasher.state)
        buckets[hash, default: []].append(index)
        isNew = true
        return index
    }

    /// An index for a text that is not in any file (e.g. the empty "not given" value).
    mutating func add(_ text: String) -> Int {
        var isNew = false
        return index(of: ArraySlice(Array(text.utf8)), isNew: &isNew)
    }
}
