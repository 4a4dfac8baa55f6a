import SurveyCSV

/// FNV-1a, 64 bits, over the typed content of a response: tells a duplicate (same id, same content)
/// from a conflict (same id, other content). Not a security hash.
struct ContentHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    var value: Int64 { Int64(bitPattern: state) }
    mutating func add(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
    mutating func add(_ number: Int64) { add(UInt64(bitPattern: number)) }
    mutating func add(_ number: UInt64) {
        var n = number
        for _ in 0..<8 { add(UInt8(truncatingIfNeeded: n)); n >>= 8 }
    }
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
        add(UInt8(0x1F))
    }
    mutating func add(_ bytes: ArraySlice<UInt8>) { for byte in bytes { add(byte) } }
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { for byte in bytes { add(byte) } }
    /// The same value as `add(String)` of the cell's text.
    mutating func add(_ cell: CellText, in fields: FieldView) {
        switch cell {
        case .none: add(UInt8(0x1F))
        case let .inPlace(range):
            add(fields.bytes(Int(range.lowerBound)..<Int(range.upperBound)))
            add(UInt8(0x1F))
        case let .text(text): add(text)
        }
    }
}
