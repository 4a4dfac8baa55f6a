/// SHA-256 (FIPS 180-4) in pure Swift, used to fingerprint the raw bytes of an imported file.
///
/// The compression function is fully unrolled with the working variables rotated by name,
/// so the state stays in registers; all arithmetic uses wrapping operators.
public struct SHA256: Sendable {
    private var h0: UInt32 = 0x6a09e667
    private var h1: UInt32 = 0xbb67ae85
    private var h2: UInt32 = 0x3c6ef372
    private var h3: UInt32 = 0xa54ff53a
    private var h4: UInt32 = 0x510e527f
    private var h5: UInt32 = 0x9b05688c
    private var h6: UInt32 = 0x1f83d9ab
    private var h7: UInt32 = 0x5be0cd19
    /// Bytes of a partial block waiting for more input (64 bytes of storage).
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var buffered: Int = 0
    private var totalLength: UInt64 = 0
    private var finished: String? = nil

    public init() {}

    /// Feeds bytes into the hash. Must not be called after `finalizeHex()`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(finished == nil, "SHA256.update called after finalizeHex()")
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        totalLength &+= UInt64(remaining)

        if buffered > 0 {
            let take = min(64 - buffered, remaining)
            let bufferedNow = buffered
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.advanced(by: bufferedNow).copyMemory(from: input, byteCount: take)
            }
            buffered += take
            input += take
            remaining -= take
            if buffered < 64 { return }
            var block = buffer
            withUnsafeBytes(of: &block) { compress($0.baseAddress!, blocks: 1) }
            buffered = 0
        }
        let fullBlocks = remaining / 64
        if fullBlocks > 0 {
            compress(input, blocks: fullBlocks)
            input += fullBlocks * 64
            remaining -= fullBlocks * 64
        }
        if remaining > 0 {
            let tail = remaining
            withUnsafeMutableBytes(of: &buffer) { block in
                block.baseAddress!.copyMemory(from: input, byteCount: tail)
            }
            buffered = tail
        }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Pads, finishes and returns the digest as 64 lowercase hex digits.
    /// Calling it again returns the same digest.
    public mutating func finalizeHex() -> String {
        if let finished { return finished }
        let bitLength = totalLength &* 8
        var padding = [UInt8](repeating: 0, count: 72)
        padding[0] = 0x80
        let padCount = buffered < 56 ? 56 - buffered : 120 - buffered
        for i in 0..<8 {
            padding[padCount + i] = UInt8(truncatingIfNeeded: bitLength >> (56 - 8 * UInt64(i)))
        }
        let savedLength = totalLength
        padding.withUnsafeBytes { update(UnsafeRawBufferPointer(rebasing: $0[0..<(padCount + 8)])) }
        totalLength = savedLength
        precondition(buffered == 0)

        let words = [h0, h1, h2, h3, h4, h5, h6, h7]
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) {
                hex.append(digits[Int((word >> UInt32(shift)) & 0xF)])
            }
        }
        let result = String(decoding: hex, as: UTF8.self)
        finished = result
        return result
    }

    /// Convenience: the hex digest of a whole byte array.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        var p = data
        for _ in 0..<blocks {
            let sa = a, sb = b, sc = c, sd = d, se = e, sf = f, sg = g, sh = h
            var w0 = load(p, 0), w1 = load(p, 1), w2 = load(p, 2), w3 = load(p, 3)
            var w4 = load(p, 4), w5 = load(p, 5), w6 = load(p, 6), w7 = load(p, 7)
            var w8 = load(p, 8), w9 = load(p, 9), w10 = load(p, 10), w11 = load(p, 11)
            var w12 = load(p, 12), w13 = load(p, 13), w14 = load(p, 14), w15 = load(p, 15)
            round(a, b, c, &d, e, f, g, &h, 0x428a2f98, w0)
            round(h, a, b, &c, d, e, f, &g, 0x71374491, w1)
            round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf, w2)
            round(f, g, h, &a, b, c, d, &e, 0xe9b5dba5, w3)
            round(e, f, g, &h, a, b, c, &d, 0x3956c25b, w4)
            round(d, e, f, &g, h, a, b, &c, 0x59f111f1, w5)
            round(c, d, e, &f, g, h, a, &b, 0x923f82a4, w6)
            round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5, w7)
            round(a, b, c, &d, e, f, g, &h, 0xd807aa98, w8)
            round(h, a, b, &c, d, e, f, &g, 0x12835b01, w9)
            round(g, h, a, &b, c, d, e, &f, 0x243185be, w10)
            round(f, g, h, &a, b, c, d, &e, 0x550c7dc3, w11)
            round(e, f, g, &h, a, b, c, &d, 0x72be5d74, w12)
            round(d, e, f, &g, h, a, b, &c, 0x80deb1fe, w13)
            round(c, d, e, &f, g, h, a, &b, 0x9bdc06a7, w14)
            round(b, c, d, &e, f, g, h, &a, 0xc19bf174, w15)
            w0 = w0 &+ sigma1(w14) &+ w9 &+ sigma0(w1)
            round(a, b, c, &d, e, f, g, &h, 0xe49b69c1, w0)
            w1 = w1 &+ sigma1(w15) &+ w10 &+ sigma0(w2)
            round(h, a, b, &c, d, e, f, &g, 0xefbe4786, w1)
            w2 = w2 &+ sigma1(w0) &+ w11 &+ sigma0(w3)
            round(g, h, a, &b, c, d, e, &f, 0x0fc19dc6, w2)
            w3 = w3 &+ sigma1(w1) &+ w12 &+ sigma0(w4)
            round(f, g, h, &a, b, c, d, &e, 0x240ca1cc, w3)
            w4 = w4 &+ sigma1(w2) &+ w13 &+ sigma0(w5)
            round(e, f, g, &h, a, b, c, &d, 0x2de92c6f, w4)
            w5 = w5 &+ sigma1(w3) &+ w14 &+ sigma0(w6)
            round(d, e, f, &g, h, a, b, &c, 0x4a7484aa, w5)
            w6 = w6 &+ sigma1(w4) &+ w15 &+ sigma0(w7)
            round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc, w6)
            w7 = w7 &+ sigma1(w5) &+ w0 &+ sigma0(w8)
            round(b, c, d, &e, f, g, h, &a, 0x76f988da, w7)
            w8 = w8 &+ sigma1(w6) &+ w1 &+ sigma0(w9)
            round(a, b, c, &d, e, f, g, &h, 0x983e5152, w8)
            w9 = w9 &+ sigma1(w7) &+ w2 &+ sigma0(w10)
            round(h, a, b, &c, d, e, f, &g, 0xa831c66d, w9)
            w10 = w10 &+ sigma1(w8) &+ w3 &+ sigma0(w11)
            round(g, h, a, &b, c, d, e, &f, 0xb00327c8, w10)
            w11 = w11 &+ sigma1(w9) &+ w4 &+ sigma0(w12)
            round(f, g, h, &a, b, c, d, &e, 0xbf597fc7, w11)
            w12 = w12 &+ sigma1(w10) &+ w5 &+ sigma0(w13)
            round(e, f, g, &h, a, b, c, &d, 0xc6e00bf3, w12)
            w13 = w13 &+ sigma1(w11) &+ w6 &+ sigma0(w14)
            round(d, e, f, &g, h, a, b, &c, 0xd5a79147, w13)
            w14 = w14 &+ sigma1(w12) &+ w7 &+ sigma0(w15)
            round(c, d, e, &f, g, h, a, &b, 0x06ca6351, w14)
            w15 = w15 &+ sigma1(w13) &+ w8 &+ sigma0(w0)
            round(b, c, d, &e, f, g, h, &a, 0x14292967, w15)
            w0 = w0 &+ sigma1(w14) &+ w9 &+ sigma0(w1)
            round(a, b, c, &d, e, f, g, &h, 0x27b70a85, w0)
            w1 = w1 &+ sigma1(w15) &+ w10 &+ sigma0(w2)
            round(h, a, b, &c, d, e, f, &g, 0x2e1b2138, w1)
            w2 = w2 &+ sigma1(w0) &+ w11 &+ sigma0(w3)
            round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc, w2)
            w3 = w3 &+ sigma1(w1) &+ w12 &+ sigma0(w4)
            round(f, g, h, &a, b, c, d, &e, 0x53380d13, w3)
            w4 = w4 &+ sigma1(w2) &+ w13 &+ sigma0(w5)
            round(e, f, g, &h, a, b, c, &d, 0x650a7354, w4)
            w5 = w5 &+ sigma1(w3) &+ w14 &+ sigma0(w6)
            round(d, e, f, &g, h, a, b, &c, 0x766a0abb, w5)
            w6 = w6 &+ sigma1(w4) &+ w15 &+ sigma0(w7)
            round(c, d, e, &f, g, h, a, &b, 0x81c2c92e, w6)
            w7 = w7 &+ sigma1(w5) &+ w0 &+ sigma0(w8)
            round(b, c, d, &e, f, g, h, &a, 0x92722c85, w7)
            w8 = w8 &+ sigma1(w6) &+ w1 &+ sigma0(w9)
            round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1, w8)
            w9 = w9 &+ sigma1(w7) &+ w2 &+ sigma0(w10)
            round(h, a, b, &c, d, e, f, &g, 0xa81a664b, w9)
            w10 = w10 &+ sigma1(w8) &+ w3 &+ sigma0(w11)
            round(g, h, a, &b, c, d, e, &f, 0xc24b8b70, w10)
            w11 = w11 &+ sigma1(w9) &+ w4 &+ sigma0(w12)
            round(f, g, h, &a, b, c, d, &e, 0xc76c51a3, w11)
            w12 = w12 &+ sigma1(w10) &+ w5 &+ sigma0(w13)
            round(e, f, g, &h, a, b, c, &d, 0xd192e819, w12)
            w13 = w13 &+ sigma1(w11) &+ w6 &+ sigma0(w14)
            round(d, e, f, &g, h, a, b, &c, 0xd6990624, w13)
            w14 = w14 &+ sigma1(w12) &+ w7 &+ sigma0(w15)
            round(c, d, e, &f, g, h, a, &b, 0xf40e3585, w14)
            w15 = w15 &+ sigma1(w13) &+ w8 &+ sigma0(w0)
            round(b, c, d, &e, f, g, h, &a, 0x106aa070, w15)
            w0 = w0 &+ sigma1(w14) &+ w9 &+ sigma0(w1)
            round(a, b, c, &d, e, f, g, &h, 0x19a4c116, w0)
            w1 = w1 &+ sigma1(w15) &+ w10 &+ sigma0(w2)
            round(h, a, b, &c, d, e, f, &g, 0x1e376c08, w1)
            w2 = w2 &+ sigma1(w0) &+ w11 &+ sigma0(w3)
            round(g, h, a, &b, c, d, e, &f, 0x2748774c, w2)
            w3 = w3 &+ sigma1(w1) &+ w12 &+ sigma0(w4)
            round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5, w3)
            w4 = w4 &+ sigma1(w2) &+ w13 &+ sigma0(w5)
            round(e, f, g, &h, a, b, c, &d, 0x391c0cb3, w4)
            w5 = w5 &+ sigma1(w3) &+ w14 &+ sigma0(w6)
            round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a, w5)
            w6 = w6 &+ sigma1(w4) &+ w15 &+ sigma0(w7)
            round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f, w6)
            w7 = w7 &+ sigma1(w5) &+ w0 &+ sigma0(w8)
            round(b, c, d, &e, f, g, h, &a, 0x682e6ff3, w7)
            w8 = w8 &+ sigma1(w6) &+ w1 &+ sigma0(w9)
            round(a, b, c, &d, e, f, g, &h, 0x748f82ee, w8)
            w9 = w9 &+ sigma1(w7) &+ w2 &+ sigma0(w10)
            round(h, a, b, &c, d, e, f, &g, 0x78a5636f, w9)
            w10 = w10 &+ sigma1(w8) &+ w3 &+ sigma0(w11)
            round(g, h, a, &b, c, d, e, &f, 0x84c87814, w10)
            w11 = w11 &+ sigma1(w9) &+ w4 &+ sigma0(w12)
            round(f, g, h, &a, b, c, d, &e, 0x8cc70208, w11)
            w12 = w12 &+ sigma1(w10) &+ w5 &+ sigma0(w13)
            round(e, f, g, &h, a, b, c, &d, 0x90befffa, w12)
            w13 = w13 &+ sigma1(w11) &+ w6 &+ sigma0(w14)
            round(d, e, f, &g, h, a, b, &c, 0xa4506ceb, w13)
            w14 = w14 &+ sigma1(w12) &+ w7 &+ sigma0(w15)
            round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7, w14)
            w15 = w15 &+ sigma1(w13) &+ w8 &+ sigma0(w0)
            round(b, c, d, &e, f, g, h, &a, 0xc67178f2, w15)
            a = a &+ sa; b = b &+ sb; c = c &+ sc; d = d &+ sd
            e = e &+ se; f = f &+ sf; g = g &+ sg; h = h &+ sh
            p += 64
        }
        h0 = a; h1 = b; h2 = c; h3 = d; h4 = e; h5 = f; h6 = g; h7 = h
    }
}

@inline(__always)
private func load(_ p: UnsafeRawPointer, _ index: Int) -> UInt32 {
    UInt32(bigEndian: p.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
}

@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}

@inline(__always)
private func sigma0(_ x: UInt32) -> UInt32 { rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3) }

@inline(__always)
private func sigma1(_ x: UInt32) -> UInt32 { rotr(x, 17) ^ rotr(x, 19) ^ (x &>> 10) }

/// One SHA-256 round with the working variables passed in rotated order:
/// only `d` and `h` change; the caller rotates the names for the next round.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ k: UInt32, _ w: UInt32
) {
    let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let choose = g ^ (e & (f ^ g))
    let t1 = h &+ bigSigma1 &+ choose &+ k &+ w
    let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    let majority = (a & b) | (c & (a | b))
    d = d &+ t1
    h = t1 &+ bigSigma0 &+ majority
}
