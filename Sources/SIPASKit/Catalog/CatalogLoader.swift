import Foundation
import SurveyCSV

extension Catalog {
    /// The default catalogue (SIPAS 2023–2026, 5 elements, 19 criteria), embedded at build time from
    /// `schema/catalogs/sipas-2023.json` so that the binary works when copied elsewhere.
    public static let standard: Catalog = {
        do {
            return try Catalog.parse(json: EmbeddedSchema.defaultCatalog, source: "sipas-2023.json")
        } catch {
            preconditionFailure("the embedded catalogue is invalid: \(error)")
        }
    }()

    /// Reads and validates a catalogue file.
    public static func load(path: String) throws(SIPASError) -> Catalog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .catalogUnreadable(path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .catalogInvalid(path: path, reason: .notUTF8)
        }
        return try parse(json: text, source: path)
    }

    /// Parses and validates catalogue JSON: codes unique and non-empty, every element has criteria,
    /// header aliases do not collide (after folding case and accents).
    public static func parse(json: String, source: String) throws(SIPASError) -> Catalog {
        struct File: Codable {
            var id: String
            var name_vi: String
            var name_en: String
            var elements: [Element]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(json.utf8))
        } catch {
            throw .catalogInvalid(path: source, reason: .json(String(describing: error)))
        }
        var seen: [String: String] = [:]
        if file.elements.isEmpty { throw .catalogInvalid(path: source, reason: .noElements) }
        var elementCodes = Set<String>()
        var elements: [Element] = []
        for var element in file.elements {
            element.code = element.code.precomposedStringWithCanonicalMapping
            element.labelVi = element.labelVi.precomposedStringWithCanonicalMapping
            guard !element.code.isEmpty, elementCodes.insert(element.code).inserted else {
                throw .catalogInvalid(path: source, reason: .duplicateCode(element.code))
            }
            if element.criteria.isEmpty {
                throw .catalogInvalid(path: source, reason: .emptyElement(element.code))
            }
            for index in element.criteria.indices {
                var criterion = element.criteria[index]
                criterion.code = criterion.code.precomposedStringWithCanonicalMapping
                criterion.labelVi = criterion.labelVi.precomposedStringWithCanonicalMapping
                criterion.aliases = criterion.aliases.map { $0.precomposedStringWithCanonicalMapping }
                if criterion.code.isEmpty { throw .catalogInvalid(path: source, reason: .duplicateCode("")) }
                for name in [criterion.code] + criterion.aliases {
                    let folded = HeaderName.fold(name)
                    if let other = seen[folded], other != criterion.code || name == criterion.code {
                        throw .catalogInvalid(path: source, reason: .duplicateCode(name))
                    }
                    seen[folded] = criterion.code
                }
                element.criteria[index] = criterion
            }
            elements.append(element)
        }
        let count = elements.reduce(0) { $0 + $1.criteria.count }
        if count > 64 { throw .catalogInvalid(path: source, reason: .tooManyCriteria(count)) }
        // The canonical JSON (sorted keys, NFC) identifies the catalogue: the same catalogue from a
        // file with other spacing or line ends is the same catalogue, stored once.
        let canonical = File(id: file.id, name_vi: file.name_vi.precomposedStringWithCanonicalMapping,
                             name_en: file.name_en, elements: elements)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(canonical), let text = String(data: data, encoding: .utf8) else {
            throw .catalogInvalid(path: source, reason: .json("cannot encode"))
        }
        return Catalog(key: canonical.id, nameVi: canonical.name_vi, nameEn: canonical.name_en,
                       elements: elements, sha256: SHA256.hex(Array(text.utf8)), json: text)
    }
}
