import Foundation
import SIPASTestSupport
import XCTest
@testable import SurveyCSV

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(bytes("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex(bytes("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testMillionAs() {
        let hasher = SHA256()
        let block = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(block) }
        XCTAssertEqual(hasher.finalizeHex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testPaddingBoundaries() {
        // Lengths around the 55/56/64-byte padding edges (digests computed with Python's hashlib).
        let expected: [Int: String] = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            63: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
            65: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
        ]
        for (length, digest) in expected {
            XCTAssertEqual(SHA256.hex([UInt8](repeating: 0x61, count: length)), digest, "length \(length)")
        }
    }

    func testSplitUpdatesMatchOneShot() {
        var rng = SplitMix64(seed: 42)
        let data = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let oneShot = SHA256.hex(data)
        for step in [1, 3, 63, 64, 65, 200] {
            let hasher = SHA256()
            var i = 0
            while i < data.count {
                let j = min(i + step, data.count)
                hasher.update(Array(data[i..<j]))
                i = j
            }
            XCTAssertEqual(hasher.finalizeHex(), oneShot, "step \(step)")
        }
    }

    func testFinalizeIsIdempotent() {
        let hasher = SHA256()
        hasher.update(bytes("abc"))
        let first = hasher.finalizeHex()
        XCTAssertEqual(hasher.finalizeHex(), first)
    }

    func testReaderHashesRawBytesIncludingBOM() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes("a,b\r\n1,2\r\n")
        for chunkSize in standardChunkSizes {
            let reader = try CSVReader(bytes: input, options: CSVReadOptions(chunkSize: chunkSize))
            XCTAssertNil(reader.sha256Hex, "not before read()")
            _ = try collect(reader)
            XCTAssertEqual(reader.sha256Hex, SHA256.hex(input))
            XCTAssertEqual(reader.bytesRead, input.count)
            XCTAssertEqual(reader.byteCount, input.count)
        }
    }

    func testLargeInputIsHashedInTheBackgroundCorrectly() throws {
        // Above the background-hashing threshold: the digest must still cover every byte in order.
        var text = "id,comment\n"
        var i = 0
        while text.utf8.count < BackgroundHasher.backgroundThreshold + 100_000 {
            text += "\(i),\"dòng \(i), \"\"ý kiến\"\"\"\n"
            i += 1
        }
        let input = bytes(text)
        let reader = try CSVReader(bytes: input, options: CSVReadOptions(chunkSize: 65536, batchSize: 10_000))
        var records = 0
        try reader.read { records += $0.count }
        XCTAssertEqual(records, i + 1)
        XCTAssertEqual(reader.hashedInBackground, ProcessInfo.processInfo.activeProcessorCount > 1)
        XCTAssertEqual(reader.sha256Hex, SHA256.hex(input))

        // Stopping early must wait for the background hashing before the buffers go away.
        struct Stop: Error {}
        XCTAssertThrowsError(try reader.read { _ in throw Stop() })
        XCTAssertNil(reader.sha256Hex)
        try reader.read { _ in }
        XCTAssertEqual(reader.sha256Hex, SHA256.hex(input))
    }
}
