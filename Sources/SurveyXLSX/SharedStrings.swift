import Foundation

/// The workbook's shared strings (`xl/sharedStrings.xml`): needed whole, since any cell may point at any
/// string, so kept compact — one UTF-8 buffer, each string's length in a byte and where every 32nd string
/// starts (no object per string; 1.1 bytes per string instead of a 4-byte offset: 6 MB less for the
/// benchmark's two million strings). Rich-text runs are joined; phonetic runs (`<rPh>`) are left out;
/// `_x000D_`-style escapes are decoded. The buffer grows by `realloc`, which moves a large block by
/// remapping its pages rather than copying it: no moment holds two copies of a 50 MB table, as an
/// Array's doubling would.
final class SharedStrings {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var byteCount = 0
    /// String i's length, or 255 for a length of 255 or more (then in `long`).
    private var lengths: [UInt8] = []
    private var long: [Int: Int] = [:]
    /// `blockStarts[k]` is where string `32 k` starts.
    private var blockStarts: [Int] = []

    private(set) var count = 0

    init() {
        capacity = 1 << 12
        buffer = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(buffer) }

    convenience init(xml archive: ZipArchive, part: String) throws {
        self.init()
        try XMLStream.parse(part, of: archive, with: SharedStringsHandler(table: self))
    }

    func reserve(strings n: Int) {
        lengths.reserveCapacity(n)
        blockStarts.reserveCapacity(n / 32 + 1)
    }

    func append(_ string: [UInt8]) {
        if byteCount + string.count > capacity {
            var grown = capacity
            while grown < byteCount + string.count { grown += grown / 2 }
            buffer = realloc(buffer, grown)!.assumingMemoryBound(to: UInt8.self)
            capacity = grown
        }
        string.withUnsafeBufferPointer { (buffer + byteCount).update(from: $0.baseAddress!, count: $0.count) }
        if count & 31 == 0 { blockStarts.append(byteCount) }
        if string.count < 255 {
            lengths.append(UInt8(string.count))
        } else {
            lengths.append(255)
            long[count] = string.count
        }
        byteCount += string.count
        count += 1
    }

    @inline(__always) private func length(_ index: Int) -> Int {
        let l = lengths[index]
        return l < 255 ? Int(l) : long[index]!
    }

    /// String `index`'s bytes (valid while the workbook is open); empty for an index out of range.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < count else { return UnsafeBufferPointer(start: buffer, count: 0) }
        var start = blockStarts[index >> 5]
        for i in (index & ~31)..<index { start += length(i) }
        return UnsafeBufferPointer(start: buffer + start, count: length(index))
    }

    func string(_ index: Int) -> String? {
        guard index >= 0, index < count else { return nil }
        return String(decoding: bytes(index), as: UTF8.self)
    }
}

private final class SharedStringsHandler: XMLHandler {
    private unowned let table: SharedStrings
    /// The current string's bytes, until `</si>` (escapes are decoded there).
    private var current: [UInt8] = []
    private var inText = false
    private var phonetic = 0

    init(table: SharedStrings) { self.table = table }

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            current.removeAll(keepingCapacity: true)
        } else if name.is("sst") {
            if let n = attributes.string(local: "uniqueCount").flatMap({ Int($0) }), n > 0, n < 1 << 26 {
                table.reserve(strings: n)
            }
        } else if name.is("t") {
            inText = phonetic == 0
        } else if name.is("rPh") {
            phonetic += 1
        }
    }

    override func end(_ name: XMLName) {
        if name.is("t") {
            inText = false
        } else if name.is("rPh") {
            phonetic -= 1
        } else if name.is("si") {
            OOXMLEscapes.decode(&current, from: 0)
            table.append(current)
        }
    }

    override func text(_ text: UnsafeBufferPointer<UInt8>) {
        if inText { current.append(contentsOf: text) }
    }
}

/// OOXML writes characters XML cannot carry as `_xHHHH_` (e.g. `_x000D_` for a carriage return).
enum OOXMLEscapes {
    /// Decodes the escapes in `bytes[from...]` in place.
    static func decode(_ bytes: inout [UInt8], from start: Int) {
        guard bytes.count - start >= 7 else { return }
        var found = false
        for i in start..<(bytes.count - 6) where bytes[i] == 0x5F && bytes[i + 1] == 0x78 && bytes[i + 6] == 0x5F {
            found = true
            break
        }
        guard found else { return }
        var out: [UInt8] = []
        var i = start
        while i < bytes.count {
            if i + 6 < bytes.count, bytes[i] == 0x5F, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F,
               let code = hex(bytes[(i + 2)..<(i + 6)]), let scalar = Unicode.Scalar(code) {
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += 7
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        bytes.replaceSubrange(start..., with: out)
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for d in digits {
            switch d {
            case 0x30...0x39: v = v * 16 + UInt32(d - 0x30)
            case 0x41...0x46: v = v * 16 + UInt32(d - 0x37)
            case 0x61...0x66: v = v * 16 + UInt32(d - 0x57)
            default: return nil
            }
        }
        return v
    }
}
