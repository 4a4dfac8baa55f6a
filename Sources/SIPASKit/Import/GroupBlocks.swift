/// Per-group blocks of counts, `stride` elements a group, kept in chunks of `groupsPerChunk` groups.
/// Adding a group never moves the groups before it, so the memory is what the groups hold plus at
/// most one chunk's slack. A contiguous array grown by reallocation briefly holds both its old and
/// its new storage: for the pair counts of 1,583 groups of a 19-criterion catalogue (4.3 MB) that
/// was a 9 MB peak, most of what a cumulative export's import held above a fresh one's.
///
/// Worked example: stride 684 (171 pairs × 4 counts), 16 groups a chunk: group 37 is in chunk 2 at
/// elements 5 × 684 ..< 6 × 684; 1,583 groups take 99 chunks of 43.8 KB.
struct GroupBlocks<Element: FixedWidthInteger & Sendable>: Sendable {
    static var groupsPerChunk: Int { 16 }
    let stride: Int
    private(set) var count = 0
    private var chunks: [[Element]] = []

    init(stride: Int) {
        precondition(stride >= 0, "a block has no negative size")
        self.stride = stride
    }

    /// Adds a group whose block is all zeros.
    mutating func append() {
        if count % Self.groupsPerChunk == 0 {
            chunks.append([Element](repeating: 0, count: Self.groupsPerChunk * stride))
        }
        count += 1
    }

    /// The group's block, changed in place.
    @inline(__always)
    mutating func withBlock<R>(_ group: Int, _ body: (UnsafeMutableBufferPointer<Element>) -> R) -> R {
        precondition(group >= 0 && group < count, "no such group")
        let offset = (group % Self.groupsPerChunk) * stride
        return chunks[group / Self.groupsPerChunk].withUnsafeMutableBufferPointer { chunk in
            body(UnsafeMutableBufferPointer(rebasing: chunk[offset..<(offset + stride)]))
        }
    }

    /// The group's block.
    func block(_ group: Int) -> ArraySlice<Element> {
        precondition(group >= 0 && group < count, "no such group")
        let offset = (group % Self.groupsPerChunk) * stride
        return chunks[group / Self.groupsPerChunk][offset..<(offset + stride)]
    }
}
