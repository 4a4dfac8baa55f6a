/// Streaming UTF-16 (LE or BE) → UTF-8. Input may be cut anywhere: an odd trailing byte and
/// an unpaired high surrogate are carried to the next chunk. Unpaired surrogates become U+FFFD.
struct UTF16Transcoder {
    let bigEndian: Bool
    private var carryByte: UInt8? = nil
    private var pendingHigh: UInt16 = 0  // 0 = none

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// Worst-case output size for `inputCount` more input bytes (including carried state).
    static func maxOutput(forInput inputCount: Int) -> Int {
        (inputCount / 2 + 1) * 3 + 8
    }

    /// Transcodes `input` into `out` (room for `maxOutput(forInput:)` bytes); returns bytes written.
    mutating func transcode(_ input: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var o = 0
        var i = 0
        let n = input.count
        if n == 0 { return 0 }
        if let first = carryByte {
            carryByte = nil
            let unit = makeUnit(first, input[0])
            o = emit(unit, out, o)
            i = 1
        }
        let be = bigEndian
        while i &+ 1 < n {
            let unit = be
                ? UInt16(input[i]) << 8 | UInt16(input[i &+ 1])
                : UInt16(input[i &+ 1]) << 8 | UInt16(input[i])
            i &+= 2
            if unit < 0x80 && pendingHigh == 0 {
                out[o] = UInt8(truncatingIfNeeded: unit)
                o &+= 1
            } else {
                o = emit(unit, out, o)
            }
        }
        if i < n { carryByte = input[i] }
        return o
    }

    /// Flushes carried state at end of input (each leftover becomes U+FFFD); returns bytes written.
    mutating func finish(into out: UnsafeMutablePointer<UInt8>) -> Int {
        var o = 0
        if pendingHigh != 0 {
            o = writeScalar(0xFFFD, out, o)
            pendingHigh = 0
        }
        if carryByte != nil {
            o = writeScalar(0xFFFD, out, o)
            carryByte = nil
        }
        return o
    }

    @inline(__always)
    private func makeUnit(_ first: UInt8, _ second: UInt8) -> UInt16 {
        bigEndian ? UInt16(first) << 8 | UInt16(second) : UInt16(second) << 8 | UInt16(first)
    }

    @inline(__always)
    private mutating func emit(_ unit: UInt16, _ out: UnsafeMutablePointer<UInt8>, _ start: Int) -> Int {
        var o = start
        if pendingHigh != 0 {
            if unit >= 0xDC00 && unit <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(pendingHigh) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                pendingHigh = 0
                return writeScalar(scalar, out, o)
            }
            pendingHigh = 0
            o = writeScalar(0xFFFD, out, o)
        }
        switch unit {
        case 0xD800...0xDBFF:
            pendingHigh = unit
            return o
        case 0xDC00...0xDFFF:
            return writeScalar(0xFFFD, out, o)
        default:
            return writeScalar(UInt32(unit), out, o)
        }
    }
}

/// Writes one Unicode scalar as UTF-8 at `out[o...]`; returns the new offset.
@inline(__always)
func writeScalar(_ scalar: UInt32, _ out: UnsafeMutablePointer<UInt8>, _ o: Int) -> Int {
    if scalar < 0x80 {
        out[o] = UInt8(truncatingIfNeeded: scalar)
        return o &+ 1
    } else if scalar < 0x800 {
        out[o] = UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6)
        out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
        return o &+ 2
    } else if scalar < 0x10000 {
        out[o] = UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12)
        out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
        out[o &+ 2] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
        return o &+ 3
    } else {
        out[o] = UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18)
        out[o &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 12) & 0x3F)
        out[o &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (scalar >> 6) & 0x3F)
        out[o &+ 3] = UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F)
        return o &+ 4
    }
}
