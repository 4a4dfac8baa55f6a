import Foundation
import SIPASStatistics

/// `sipas report --format docx`: the department's SIPAS report as an editable Word document in the
/// layout of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I, form 1.4): A4 portrait,
/// the decree's margins, Times New Roman, the issuing body and the national heading with their lines,
/// number, place and date, `BÁO CÁO` and its subject, `Kính gửi`, page numbers from page 2, the body
/// (sections I–V), `Nơi nhận` and the signature block. Number, date and signer stay blank unless given.
///
/// Fed by the same `ReportDocument` as the HTML report; every text from data is escaped. The parts are
/// small readable templates (Templates/) and builders (WordXML); the zip is `DocxArchive`'s alone.
public enum WordReport {
    /// The .docx bytes.
    public static func render(_ doc: ReportDocument, lang: Language) throws(DocxArchive.Failure) -> Data {
        try DocxArchive.zip(parts(doc, lang: lang))
    }

    /// The package's parts in the order they are zipped (`[Content_Types].xml` first).
    public static func parts(_ doc: ReportDocument, lang: Language) -> [(path: String, data: Data)] {
        let body = WordBody(doc: doc, lang: lang)
        let document = body.document()
        let charts = body.charts()
        var contentTypes = PackageParts.contentTypes.replacingOccurrences(
            of: "{{charts}}", with: charts.map { PackageParts.chartContentType.replacingOccurrences(of: "{{name}}", with: $0.name) }.joined())
        contentTypes += "\n"
        var relationships = PackageParts.documentRelationships.replacingOccurrences(
            of: "{{charts}}", with: charts.map {
                PackageParts.chartRelationship.replacingOccurrences(of: "{{id}}", with: $0.id).replacingOccurrences(of: "{{name}}", with: $0.name)
            }.joined())
        relationships += "\n"
        let tag = lang == .vi ? "vi-VN" : "en-GB"
        let core = PackageParts.core
            .replacingOccurrences(of: "{{title}}", with: WordXML.escape(body.subject))
            .replacingOccurrences(of: "{{creator}}", with: WordXML.escape(doc.identity.department))
            .replacingOccurrences(of: "{{lang}}", with: tag)
            .replacingOccurrences(of: "{{created}}", with: WordXML.escape(doc.generatedAt)) + "\n"
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", PackageParts.rootRelationships + "\n"),
            ("docProps/core.xml", core),
            ("docProps/app.xml", PackageParts.app + "\n"),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", relationships),
            ("word/styles.xml", Styles.styles.replacingOccurrences(of: "{{lang}}", with: tag) + "\n"),
            ("word/settings.xml", Styles.settings + "\n"),
            ("word/header1.xml", Headers.first + "\n"),
            ("word/header2.xml", Headers.pageNumber + "\n"),
        ]
        for chart in charts { parts.append(("word/charts/\(chart.name).xml", chart.xml)) }
        return parts.map { ($0.0, Data($0.1.precomposedStringWithCanonicalMapping.utf8)) }
    }
}
