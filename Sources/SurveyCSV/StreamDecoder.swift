/// Turns raw file chunks into UTF-8 chunks: strips the byte order mark of the encoding
/// (even when it is split across chunks) and transcodes UTF-16 / Windows-1258.
/// UTF-8 input is passed through without copying. No normalisation happens here.
final class StreamDecoder {
    let encoding: TextEncoding
    private let bom: [UInt8]
    private var bomMatched = 0
    private var bomDone: Bool
    private var utf16: UTF16Transcoder?
    private var output: UnsafeMutablePointer<UInt8>
    private var outputCapacity: Int

    init(encoding: TextEncoding) {
        self.encoding = encoding
        self.bom = encoding.byteOrderMark
        self.bomDone = bom.isEmpty
        switch encoding {
        case .utf16LE: utf16 = UTF16Transcoder(bigEndian: false)
        case .utf16BE: utf16 = UTF16Transcoder(bigEndian: true)
        default: utf16 = nil
        }
        outputCapacity = 0
        output = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    }

    deinit {
        output.deallocate()
    }

    /// Decodes one chunk and hands the UTF-8 result (possibly empty, possibly in pieces) to `sink`.
    func decode(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var rest = input
        if !bomDone {
            var i = 0
            while i < rest.count && bomMatched < bom.count && rest[i] == bom[bomMatched] {
                bomMatched += 1
                i += 1
            }
            if bomMatched == bom.count {
                bomDone = true
            } else if i < rest.count {
                // Mismatch: the bytes that looked like a BOM are data after all.
                bomDone = true
                let held = bom[0..<bomMatched]
                try Array(held).withUnsafeBytes { try transcode($0, sink) }
            } else {
                return  // input exhausted while still matching: keep holding
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[i...])
        }
        try transcode(rest, sink)
    }

    /// Flushes held bytes at end of input.
    func finish(_ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if !bomDone {
            bomDone = true
            if bomMatched > 0 {
                try Array(bom[0..<bomMatched]).withUnsafeBytes { try transcode($0, sink) }
            }
        }
        if utf16 != nil {
            reserve(16)
            let n = utf16!.finish(into: output)
            if n > 0 { try sink(UnsafeRawBufferPointer(start: output, count: n)) }
        }
    }

    private func transcode(_ input: UnsafeRawBufferPointer, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if input.isEmpty { return }
        switch encoding {
        case .utf8, .utf8BOM:
            try sink(input)
        case .utf16LE, .utf16BE:
            reserve(UTF16Transcoder.maxOutput(forInput: input.count))
            let n = utf16!.transcode(input, into: output)
            if n > 0 { try sink(UnsafeRawBufferPointer(start: output, count: n)) }
        case .windows1258:
            reserve(input.count * 3)
            let n = Windows1258.decode(input, into: output)
            try sink(UnsafeRawBufferPointer(start: output, count: n))
        }
    }

    private func reserve(_ capacity: Int) {
        if capacity <= outputCapacity { return }
        output.deallocate()
        outputCapacity = max(capacity, 64)
        output = UnsafeMutablePointer<UInt8>.allocate(capacity: outputCapacity)
    }
}
