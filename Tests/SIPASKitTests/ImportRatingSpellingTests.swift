import Foundation
import XCTest
@testable import SIPASKit

/// Labels matched byte for byte (the usual spellings) read exactly as the folded path reads them.
final class ImportRatingSpellingTests: XCTestCase {
    private func read(_ text: String, _ scale: RatingScale) -> RatingReader.Outcome {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { RatingReader(scale: scale).read($0) }
    }

    func testUsualSpellingsReadAsTheirFoldedForms() {
        let words = ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng",
                     "Không trả lời", "Không biết", "KTL"]
        let expected: [RatingReader.Outcome] = [.rating(1), .rating(2), .rating(3), .rating(4), .rating(5),
                                                .noAnswer, .noAnswer, .noAnswer]
        for scale in [RatingScale.five, .three] {
            for (word, outcome) in zip(words, expected) {
                // NFD and upper case go through folding; as written and lower case through the byte match.
                let folded = read(word.decomposedStringWithCanonicalMapping.uppercased(), scale)
                for spelling in [word, word.lowercased(), " \(word) "] {
                    XCTAssertEqual(read(spelling, scale), folded, "\(spelling) on \(scale)")
                }
                if scale == .five { XCTAssertEqual(folded, outcome, word) }
            }
            XCTAssertEqual(read("Hài lòng lắm", scale), .unknown)
        }
        XCTAssertEqual(read("Bình thường", .three), .notOnScale)
    }
}
