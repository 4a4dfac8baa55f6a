/// What `xl/workbook.xml` and its relationships say: the sheets in order (name, part), the date system,
/// and where the shared strings and styles are.
struct WorkbookIndex: Sendable {
    struct SheetEntry: Sendable { var name: String; var part: String; var hidden: Bool }
    var sheets: [SheetEntry] = []
    var date1904 = false
    var sharedStringsPart: String?
    var stylesPart: String?

    init(archive: ZipArchive) throws {
        let workbook = WorkbookHandler()
        try XMLStream.parse("xl/workbook.xml", of: archive, with: workbook)
        date1904 = workbook.date1904
        let rels = RelationshipsHandler()
        if archive.contains("xl/_rels/workbook.xml.rels") {
            try XMLStream.parse("xl/_rels/workbook.xml.rels", of: archive, with: rels)
        }
        for sheet in workbook.sheets {
            let target = sheet.rid.flatMap { rels.targets[$0] }
            // Without relationships, Excel's default part names.
            let part = target.map(WorkbookIndex.resolve) ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
            sheets.append(SheetEntry(name: sheet.name, part: part, hidden: sheet.hidden))
        }
        sharedStringsPart = rels.byType["sharedStrings"].map(WorkbookIndex.resolve)
            ?? (archive.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        stylesPart = rels.byType["styles"].map(WorkbookIndex.resolve)
            ?? (archive.contains("xl/styles.xml") ? "xl/styles.xml" : nil)
    }

    /// A relationship target is relative to `xl/` unless it starts with `/`.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

private final class WorkbookHandler: XMLHandler {
    var sheets: [(name: String, rid: String?, hidden: Bool)] = []
    var date1904 = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.is("sheet") {
            // The relationship id attribute is `r:id`, in whatever prefix the namespace got.
            let rid = attributes.string(local: "id")
            let state = attributes.string(local: "state") ?? "visible"
            sheets.append((attributes.string(local: "name") ?? "Sheet\(sheets.count + 1)", rid, state != "visible"))
        } else if name.is("workbookPr") {
            if let v = attributes.string(local: "date1904") { date1904 = v == "1" || v == "true" }
        }
    }
}

private final class RelationshipsHandler: XMLHandler {
    var targets: [String: String] = [:]
    var byType: [String: String] = [:]

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        guard name.is("Relationship"), let id = attributes.string(local: "Id"),
              let target = attributes.string(local: "Target") else { return }
        targets[id] = target
        if let type = attributes.string(local: "Type"), let last = type.split(separator: "/").last {
            byType[String(last)] = target
        }
    }
}
