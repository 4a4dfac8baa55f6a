import Foundation

/// The answer scale of a file. Ratings are stored on the five-point scale; three-level tablet answers
/// take the five-point codes of the same words: Không hài lòng 2, Hài lòng 4, Rất hài lòng 5.
public enum RatingScale: Int, Sendable, Codable {
    case five = 5, three = 3
}

/// Reads one rating cell. Digits take a fast path; labels are folded (case, accents, spaces) once.
struct RatingReader: Sendable {
    enum Outcome: Equatable { case rating(UInt8), noAnswer, outOfScale, notOnScale, unknown }

    private static let words: [(String, UInt8)] = [
        ("Rất không hài lòng", 1), ("Không hài lòng", 2), ("Bình thường", 3), ("Hài lòng", 4),
        ("Rất hài lòng", 5), ("Không trả lời", 0), ("Không biết", 0), ("KTL", 0),
    ]

    /// Folded label → five-point code; 0 = no answer.
    private static let labels: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        for (word, code) in words { table[HeaderName.fold(word)] = code }
        return table
    }()

    /// The labels' UTF-8 bytes as exports usually spell them (NFC, as written and all lower case):
    /// matched byte for byte before any folding, which cost an export of labels several times the CPU
    /// of one of digits. Each folds to its word's key, so the outcome is the same.
    private static let spellings: [([UInt8], UInt8)] = words.flatMap { word, code in
        [(Array(word.utf8), code), (Array(word.lowercased().utf8), code)]
    }

    /// The spellings by length, flat (one lookup of the cell's length, then a compare with the two or
    /// three spellings of that length; no array per spelling to retain in the loop): the bytes of all
    /// of them in `pool`, `entries[first[n]..<first[n + 1]]` those of length n.
    private struct Table: Sendable {
        var pool: [UInt8] = []
        var entries: [(start: Int, code: UInt8)] = []
        var first: [Int] = []

        init(_ spellings: [([UInt8], UInt8)]) {
            let longest = spellings.map(\.0.count).max() ?? 0
            for length in 0...longest {
                first.append(entries.count)
                for (bytes, code) in spellings where bytes.count == length {
                    entries.append((pool.count, code))
                    pool += bytes
                }
            }
            first.append(entries.count)
        }

        func code(of cell: UnsafeBufferPointer<UInt8>) -> UInt8? {
            let n = cell.count
            guard n + 1 < first.count else { return nil }
            return pool.withUnsafeBufferPointer { pool in
                for entry in entries[first[n]..<first[n + 1]]
                where memcmp(pool.baseAddress! + entry.start, cell.baseAddress!, n) == 0 {
                    return entry.code
                }
                return nil
            }
        }
    }

    private static let table = Table(spellings)

    let scale: RatingScale
    /// `Self.table`, held by the reader so the hot loop does not go through the static's lazy initialiser.
    private let table = RatingReader.table

    func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == end { return .noAnswer }
        if end - start == 1, case let digit = bytes[start], digit >= 0x30, digit <= 0x39 {
            return fromDigit(digit - 0x30)
        }
        if bytes[start..<end].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .outOfScale }
        let code: UInt8
        if let spelled = table.code(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
            code = spelled
        } else {
            let folded = HeaderName.fold(String(decoding: bytes[start..<end], as: UTF8.self))
            guard let known = Self.labels[folded] else { return .unknown }
            code = known
        }
        if code == 0 { return .noAnswer }
        if scale == .three, code == 1 || code == 3 { return .notOnScale }
        return .rating(code)
    }

    private func fromDigit(_ value: UInt8) -> Outcome {
        switch scale {
        case .five: return (1...5).contains(value) ? .rating(value) : .outOfScale
        case .three:
            switch value {
            case 1: return .rating(2)
            case 2: return .rating(4)
            case 3: return .rating(5)
            default: return .outOfScale
            }
        }
    }

    /// Guesses the scale from a sample of cells: three-level only when every answer is one of the three
    /// tablet words and none is a digit or a five-level-only word. Returns nil when the sample says nothing.
    static func inferScale(from cells: [ArraySlice<UInt8>]) -> RatingScale? {
        var sawThreeWord = false
        for cell in cells {
            let text = String(decoding: cell, as: UTF8.self)
            let folded = HeaderName.fold(text)
            if folded.isEmpty { continue }
            guard let code = labels[folded] else { return .five }  // a digit or an unknown word
            switch code {
            case 0: continue
            case 2, 4, 5: sawThreeWord = true
            default: return .five
            }
        }
        return sawThreeWord ? .three : nil
    }
}
