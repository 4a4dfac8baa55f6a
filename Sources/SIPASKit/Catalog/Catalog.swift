import Foundation

/// A validated criteria catalogue: elements in order, each with its criteria in order.
/// The position of a criterion in `criteria` is its byte index in a stored response's ratings.
public struct Catalog: Sendable, Equatable {
    public struct Element: Sendable, Equatable, Codable {
        public var code: String
        public var labelVi: String
        public var labelEn: String
        public var criteria: [Criterion]

        enum CodingKeys: String, CodingKey {
            case code, criteria
            case labelVi = "label_vi"
            case labelEn = "label_en"
        }
    }

    public struct Criterion: Sendable, Equatable, Codable {
        public var code: String
        public var aliases: [String]
        public var labelVi: String
        public var labelEn: String

        enum CodingKeys: String, CodingKey {
            case code, aliases
            case labelVi = "label_vi"
            case labelEn = "label_en"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
            labelVi = try c.decode(String.self, forKey: .labelVi)
            labelEn = try c.decode(String.self, forKey: .labelEn)
        }
    }

    /// The catalogue's own identifier, e.g. `sipas-2023`.
    public var key: String
    public var nameVi: String
    public var nameEn: String
    public var elements: [Element]
    /// Every criterion in catalogue order, with the index of its element.
    public let criteria: [(criterion: Criterion, element: Int)]
    /// SHA-256 of the catalogue's canonical JSON (sorted keys, NFC).
    public let sha256: String
    /// The canonical JSON, stored in the database beside the data imported with it.
    public let json: String

    public static func == (a: Catalog, b: Catalog) -> Bool { a.sha256 == b.sha256 }

    init(key: String, nameVi: String, nameEn: String, elements: [Element], sha256: String, json: String) {
        self.key = key
        self.nameVi = nameVi
        self.nameEn = nameEn
        self.elements = elements
        self.criteria = elements.enumerated().flatMap { index, element in
            element.criteria.map { (criterion: $0, element: index) }
        }
        self.sha256 = sha256
        self.json = json
    }

    public var criterionCount: Int { criteria.count }

    /// Criterion indices (positions) for each element, in order.
    public var elementPositions: [[Int]] {
        var result = Array(repeating: [Int](), count: elements.count)
        for (position, entry) in criteria.enumerated() { result[entry.element].append(position) }
        return result
    }

    public func position(ofCriterion code: String) -> Int? {
        criteria.firstIndex { $0.criterion.code == code }
    }

    public func element(code: String) -> Element? { elements.first { $0.code == code } }
}
