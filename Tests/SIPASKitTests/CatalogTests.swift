import Foundation
import GRDB
import XCTest
import SIPASStatistics
@testable import SIPASKit

/// The criteria catalogue is data: the standard one, another one loaded at run time, and the
/// catalogues that must be refused.
final class CatalogTests: ImportTestCase {
    private struct File: Encodable {
        var id: String
        var name_vi: String
        var name_en: String
        var elements: [Catalog.Element]
    }

    /// The standard catalogue's JSON with some criteria removed (the 2024 national form: 3 access items).
    private func json(id: String = "sipas-2024-3tc", dropping codes: Set<String> = ["TC4"]) throws -> String {
        var elements = Catalog.standard.elements
        for index in elements.indices { elements[index].criteria.removeAll { codes.contains($0.code) } }
        // The form's question numbers follow the new order: Câu 4 is now TT1.
        var number = 0
        for e in elements.indices {
            for c in elements[e].criteria.indices {
                number += 1
                elements[e].criteria[c].aliases = ["Câu \(number)"]
            }
        }
        let data = try JSONEncoder().encode(File(id: id, name_vi: "SIPAS 2024: 3 câu tiếp cận", name_en: "SIPAS 2024: 3 access items",
                                                 elements: elements))
        return String(decoding: data, as: UTF8.self)
    }

    private func minimal(_ elements: String) -> String {
        #"{"id": "t", "name_vi": "t", "name_en": "t", "elements": [\#(elements)]}"#
    }

    private func criterion(_ code: String, aliases: [String] = []) -> String {
        let list = aliases.map { "\"\($0)\"" }.joined(separator: ", ")
        return #"{"code": "\#(code)", "aliases": [\#(list)], "label_vi": "v", "label_en": "e"}"#
    }

    private func element(_ code: String, _ criteria: [String]) -> String {
        #"{"code": "\#(code)", "label_vi": "v", "label_en": "e", "criteria": [\#(criteria.joined(separator: ", "))]}"#
    }

    private func reason(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> SIPASError.CatalogProblem? {
        let error = ImportFixtures.sipasError({ () throws(SIPASError) in try Catalog.parse(json: json, source: "c.json") },
                                              file: file, line: line)
        guard case let .catalogInvalid(path, reason)? = error else {
            if error != nil { XCTFail("got \(String(describing: error))", file: file, line: line) }
            return nil
        }
        XCTAssertEqual(path, "c.json", file: file, line: line)
        return reason
    }

    // MARK: The standard catalogue

    func testStandardCatalogue() {
        let catalog = Catalog.standard
        XCTAssertEqual(catalog.key, "sipas-2023")
        XCTAssertEqual(catalog.elements.map(\.code), ["TC", "TT", "CC", "KQ", "PA"])
        XCTAssertEqual(catalog.criterionCount, 19)
        XCTAssertEqual(catalog.criteria.map(\.criterion.code), [
            "TC1", "TC2", "TC3", "TC4", "TT1", "TT2", "TT3", "TT4", "CC1", "CC2", "CC3", "CC4", "CC5",
            "KQ1", "KQ2", "KQ3", "PA1", "PA2", "PA3",
        ])
        XCTAssertEqual(catalog.criteria.map(\.element), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4])
        XCTAssertEqual(catalog.elementPositions, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11, 12], [13, 14, 15], [16, 17, 18]])
        XCTAssertEqual(catalog.criteria.map(\.criterion.aliases), (1...19).map { ["Câu \($0)"] })
        XCTAssertEqual(catalog.position(ofCriterion: "TT1"), 4)
        XCTAssertNil(catalog.position(ofCriterion: "TC5"))
        XCTAssertEqual(catalog.element(code: "KQ")?.criteria.count, 3)
        XCTAssertTrue(catalog.criteria.allSatisfy { !$0.criterion.labelVi.isEmpty && !$0.criterion.labelEn.isEmpty })
        XCTAssertEqual(catalog.sha256.count, 64)
        XCTAssertEqual(catalog.elements.first?.labelVi, "Tiếp cận dịch vụ")
    }

    func testTheStandardCatalogueLoadedFromItsFileIsTheSameCatalogue() throws {
        // schema/catalogs/sipas-2023.json is the file the standard catalogue is embedded from; loading it
        // with --catalog must give the same catalogue, stored once (catalog.sha256 is "of its canonical JSON").
        let loaded = try Catalog.load(path: ImportFixtures.repoRoot.appendingPathComponent("schema/catalogs/sipas-2023.json").path)
        XCTAssertEqual(loaded.elements, Catalog.standard.elements)
        XCTAssertTrue(loaded == Catalog.standard,
                      "the same catalogue read from schema/catalogs/sipas-2023.json (sha256 \(loaded.sha256)) is not equal to the embedded one (sha256 \(Catalog.standard.sha256))")
        var options = ImportOptions()
        options.catalog = loaded
        try importText("Ngày,Mã TTHC,TC1\n01/01/2024,P1,5\n", as: "a.csv")
        try importText("Ngày,Mã TTHC,TC1\n02/01/2024,P1,4\n", as: "b.csv", options: options)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM catalog"), 1, "the same catalogue is stored once")
    }

    // MARK: Another catalogue

    func testAThreeAccessItemCatalogueDrivesImportAndCounts() throws {
        let catalog = try Catalog.parse(json: json(), source: "inline")
        XCTAssertEqual(catalog.criterionCount, 18)
        XCTAssertEqual(catalog.elementPositions.map(\.count), [3, 4, 5, 3, 3])
        var options = ImportOptions()
        options.catalog = catalog
        let text = """
            Mã phiếu,Ngày,Mã TTHC,TC1,TC2,TC3,TC4,Câu 4,PA3
            A,02/01/2024,P1,5,4,3,1,5,
            B,03/01/2024,P1,4,4,,1,2,5
            C,04/02/2024,P2,,,,1,,

            """
        let (_, receipt, diagnostics) = try importText(text, as: "3tc.csv", options: options)
        XCTAssertEqual(receipt.imported, 3)
        // TC4 is not in this catalogue; "Câu 4" is its 4th criterion, TT1.
        XCTAssertEqual(diagnostics.map(\.code), [.unknownColumn])
        XCTAssertEqual(diagnostics.map(\.columnName), ["TC4"])
        XCTAssertEqual(diagnostics.first?.column, 7)
        XCTAssertEqual(HeaderBinding.Field.allCases.count, 10)
        let blobs = try ImportFixtures.rows(db.path, "SELECT ratings FROM response ORDER BY id").map { Array(($0[0] as Data)) }
        XCTAssertEqual(blobs.map(\.count), [18, 18, 18])
        XCTAssertEqual(blobs.first.map { Array($0.prefix(5)) }, [5, 4, 3, 5, 0xFF])   // TT1 (position 3) is "Câu 4"; TT2 not asked
        XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT key FROM catalog").map { $0[0] as String }, ["sipas-2024-3tc"])
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM catalog_criterion"), 18)

        let set = try XCTUnwrap(db.tallies(period: .year(2024), by: nil))
        XCTAssertEqual(set.catalog.key, "sipas-2024-3tc")
        XCTAssertEqual(set.catalog.criterionCount, 18)
        XCTAssertEqual(set.droppedCriteria, [])
        let total = set.total
        XCTAssertEqual(total.responses, 3)
        XCTAssertEqual(total.answeredAny, 2)          // C answered nothing
        XCTAssertEqual(total.ratings[0], [1, 0, 0, 0, 1, 1])   // TC1: empty, 4, 5
        XCTAssertEqual(total.ratings[2], [2, 0, 0, 1, 0, 0])   // TC3: 3, empty, empty
        XCTAssertEqual(total.ratings[3], [1, 0, 1, 0, 0, 1])   // TT1 from "Câu 4": 5, 2, empty
        XCTAssertEqual(total.ratings[17], [2, 0, 0, 0, 0, 1])  // PA3
        XCTAssertEqual(total.ratings[4], [0, 0, 0, 0, 0, 0])   // TT2: not asked
        XCTAssertEqual(total.rate(0), 1.0)
        XCTAssertEqual(total.rate(3), 0.5)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testTwoCataloguesInOneYearReportInTheMajorityOne() throws {
        // 2 responses with the standard catalogue (with TC4), 3 with the 3-item one: the report uses the
        // 3-item catalogue and says TC4 was dropped.
        try importText("Mã phiếu,Ngày,Mã TTHC,TC1,TC4\nS1,02/01/2024,P1,5,2\nS2,03/01/2024,P1,4,1\n", as: "std.csv")
        var options = ImportOptions()
        options.catalog = try Catalog.parse(json: json(), source: "inline")
        try importText("Mã phiếu,Ngày,Mã TTHC,TC1\nN1,02/03/2024,P1,2\nN2,03/03/2024,P1,5\nN3,04/03/2024,P1,\n",
                       as: "new.csv", options: options)
        let set = try XCTUnwrap(db.tallies(period: .year(2024), by: .month))
        XCTAssertEqual(set.catalog.key, "sipas-2024-3tc")
        XCTAssertEqual(set.droppedCriteria, ["TC4"])
        XCTAssertEqual(set.total.responses, 5)
        XCTAssertEqual(set.total.ratings[0], [1, 0, 1, 0, 1, 2])
        XCTAssertEqual(set.groups["2024-01"]?.ratings[0], [0, 0, 0, 0, 1, 1])
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    // MARK: Invalid catalogues

    func testDuplicateCriterionCode() {
        XCTAssertEqual(reason(minimal(element("TC", [criterion("TC1"), criterion("TC1")]))), .duplicateCode("TC1"))
        XCTAssertEqual(reason(minimal(element("TC", [criterion("TC1")]) + ", " + element("TT", [criterion("tc1")]))),
                       .duplicateCode("tc1"))
    }

    func testDuplicateElementCode() {
        XCTAssertEqual(reason(minimal(element("TC", [criterion("TC1")]) + ", " + element("TC", [criterion("TC2")]))),
                       .duplicateCode("TC"))
    }

    func testEmptyElement() {
        XCTAssertEqual(reason(minimal(element("TC", [criterion("TC1")]) + ", " + element("TT", []))), .emptyElement("TT"))
    }

    func testNoElements() {
        XCTAssertEqual(reason(minimal("")), .noElements)
    }

    func testBadJSON() {
        guard case .json? = reason(#"{"id": "t", "elements": [}"#) else { return XCTFail("expected a JSON problem") }
        guard case .json? = reason(#"{"id": "t", "name_vi": "t", "name_en": "t"}"#) else { return XCTFail("missing elements") }
        guard case .json? = reason(minimal(#"{"code": "TC", "criteria": [{"code": "TC1"}]}"#)) else {
            return XCTFail("missing labels")
        }
    }

    func testAliasCollidingWithAnotherCode() {
        XCTAssertEqual(reason(minimal(element("TC", [criterion("TC1"), criterion("TC2", aliases: ["TC 1"])]))),
                       .duplicateCode("TC 1"))
        XCTAssertEqual(reason(minimal(element("TC", [criterion("TC1", aliases: ["Câu 1"]), criterion("TC2", aliases: ["cau 1"])]))),
                       .duplicateCode("cau 1"))
        // An alias of a criterion that a later criterion uses as its code.
        XCTAssertEqual(reason(minimal(element("TC", [criterion("TC1", aliases: ["TC2"]), criterion("TC2")]))),
                       .duplicateCode("TC2"))
        // An alias that folds to the criterion's own code is harmless.
        XCTAssertNoThrow(try Catalog.parse(json: minimal(element("TC", [criterion("TC1", aliases: ["tc 1", "Tc-1"])])), source: "c.json"))
    }

    func testTooManyCriteria() {
        let criteria = (1...65).map { criterion("C\($0)") }
        XCTAssertEqual(reason(minimal(element("E", criteria))), .tooManyCriteria(65))
        XCTAssertNoThrow(try Catalog.parse(json: minimal(element("E", Array(criteria.prefix(64)))), source: "c.json"))
    }

    func testUnreadableAndNotUTF8Files() throws {
        let missing = dir.path("none.json")
        XCTAssertEqual(ImportFixtures.sipasError { () throws(SIPASError) in try Catalog.load(path: missing) },
                       .catalogUnreadable(path: missing))
        let latin = try dir.write([0x7B, 0xE9, 0xFF, 0x7D], as: "latin.json")
        XCTAssertEqual(ImportFixtures.sipasError { () throws(SIPASError) in try Catalog.load(path: latin) },
                       .catalogInvalid(path: latin, reason: .notUTF8))
    }

    func testCatalogueErrorMessagesNameTheProblem() {
        let text = Messages.text(SIPASError.catalogInvalid(path: "c.json", reason: .duplicateCode("TC1")), .en)
        XCTAssertEqual(text, "c.json: invalid catalogue: code or header 'TC1' is used twice")
        XCTAssertEqual(Messages.text(SIPASError.catalogInvalid(path: "c.json", reason: .emptyElement("TT")), .en),
                       "c.json: invalid catalogue: element TT has no criteria")
    }
}
