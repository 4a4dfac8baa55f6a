/// The workbook's shared strings (`xl/sharedStrings.xml`): needed whole, since any cell may point at any
/// string, so kept compact — one UTF-8 buffer and an offset table (no object per string). Rich-text
/// runs are joined; phonetic runs (`<rPh>`) are left out; `_x000D_`-style escapes are decoded.
struct SharedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    /// `offsets[i] ..< offsets[i + 1]` are string i's bytes.
    private(set) var offsets: [Int32] = [0]

    var count: Int { offsets.count - 1 }

    init() {}

    init(xml archive: ZipArchive, part: String) throws {
        let handler = SharedStringsHandler()
        try XMLStream.parse(part, of: archive, with: handler)
        bytes = handler.bytes
        offsets = handler.offsets
    }

    func range(_ index: Int) -> Range<Int>? {
        guard index >= 0, index < count else { return nil }
        return Int(offsets[index])..<Int(offsets[index + 1])
    }

    func string(_ index: Int) -> String? {
        range(index).map { String(decoding: bytes[$0], as: UTF8.self) }
    }
}

private final class SharedStringsHandler: XMLHandler {
    var bytes: [UInt8] = []
    var offsets: [Int32] = [0]
    private var inText = false
    private var phonetic = 0
    private var start = 0

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("si") {
            start = bytes.count
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
            OOXMLEscapes.decode(&bytes, from: start)
            offsets.append(Int32(truncatingIfNeeded: bytes.count))
        }
    }

    override func text(_ text: UnsafeBufferPointer<UInt8>) {
        if inText { bytes.append(contentsOf: text) }
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
