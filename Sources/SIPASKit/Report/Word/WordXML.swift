/// Small builders for WordprocessingML (ECMA-376): runs, paragraphs, table cells. Every text that
/// came from data passes through `escape`. Sizes are in half-points (28 = 14 pt), lengths in twips
/// (1/20 pt; 1 mm ≈ 56.7 twips).
enum WordXML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out += " "
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    struct Font: Equatable {
        var bold = false
        var italic = false
        var size: Int? = nil
        var color: String? = nil
        static let plain = Font()
        static let bold = Font(bold: true)
        static let italic = Font(italic: true)
    }

    /// One run of text (spaces kept).
    static func run(_ text: String, _ font: Font = .plain) -> String {
        var props = ""
        if font.bold { props += "<w:b/><w:bCs/>" }
        if font.italic { props += "<w:i/><w:iCs/>" }
        if let color = font.color { props += "<w:color w:val=\"\(color)\"/>" }
        if let size = font.size { props += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        return "<w:r>" + (props.isEmpty ? "" : "<w:rPr>" + props + "</w:rPr>")
            + "<w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>"
    }

    /// A line break inside a paragraph.
    static let lineBreak = "<w:r><w:br/></w:r>"

    struct Para {
        var style: String? = nil
        /// left, center, right, both.
        var align: String? = nil
        var before: Int? = nil
        var after: Int? = nil
        /// Line spacing in 240ths of a line (240 = single).
        var line: Int? = nil
        var firstLine: Int? = nil
        var left: Int? = nil
        var right: Int? = nil
        var keepNext = false
        /// A bottom border (a drawn line under the paragraph), width in eighths of a point.
        var bottomBorder: Int? = nil
        /// The paragraph mark's size (for a line-only paragraph).
        var markSize: Int? = nil
    }

    static func paragraph(_ runs: String, _ p: Para = Para()) -> String {
        var props = ""
        if let style = p.style { props += "<w:pStyle w:val=\"\(style)\"/>" }
        if p.keepNext { props += "<w:keepNext/>" }
        if let border = p.bottomBorder {
            props += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"\(border)\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
        }
        if p.before != nil || p.after != nil || p.line != nil {
            props += "<w:spacing" + (p.before.map { " w:before=\"\($0)\"" } ?? "") + (p.after.map { " w:after=\"\($0)\"" } ?? "")
                + (p.line.map { " w:line=\"\($0)\" w:lineRule=\"auto\"" } ?? "") + "/>"
        }
        if p.left != nil || p.right != nil || p.firstLine != nil {
            props += "<w:ind" + (p.left.map { " w:left=\"\($0)\"" } ?? "") + (p.right.map { " w:right=\"\($0)\"" } ?? "")
                + (p.firstLine.map { " w:firstLine=\"\($0)\"" } ?? "") + "/>"
        }
        if let align = p.align { props += "<w:jc w:val=\"\(align)\"/>" }
        if let size = p.markSize { props += "<w:rPr><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr>" }
        return "<w:p>" + (props.isEmpty ? "" : "<w:pPr>" + props + "</w:pPr>") + runs + "</w:p>\n"
    }

    /// A short drawn line, centred in a column `width` twips wide, `length` twips long.
    static func shortLine(width: Int, length: Int, before: Int = 0, after: Int = 0) -> String {
        let indent = max(0, (width - length) / 2)
        return paragraph("", Para(before: before, after: after, line: 240, left: indent, right: indent, bottomBorder: 6, markSize: 4))
    }

    /// A table cell of `width` twips holding `content` (paragraphs), optionally shaded.
    static func cell(_ content: String, width: Int, fill: String? = nil, span: Int = 1, vAlign: String = "center") -> String {
        var props = "<w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
        if span > 1 { props += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let fill { props += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
        props += "<w:vAlign w:val=\"\(vAlign)\"/>"
        return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + (content.isEmpty ? "<w:p/>" : content) + "</w:tc>"
    }

    /// A table row; `header` rows repeat at the top of every page the table runs onto.
    static func row(_ cells: [String], header: Bool = false) -> String {
        "<w:tr><w:trPr><w:cantSplit/>" + (header ? "<w:tblHeader/>" : "") + "</w:trPr>" + cells.joined() + "</w:tr>\n"
    }

    /// A table of fixed column widths; `borders` false for layout tables (the letterhead).
    static func table(widths: [Int], rows: [String], borders: Bool = true) -> String {
        let edge = borders ? "single" : "nil"
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        out += borders ? "<w:jc w:val=\"center\"/>" : ""
        out += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"\(edge)\"" + (borders ? " w:sz=\"4\" w:space=\"0\" w:color=\"000000\"" : "") + "/>"
        }.joined() + "</w:tblBorders>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"\(borders ? 57 : 0)\" w:type=\"dxa\"/><w:right w:w=\"\(borders ? 57 : 0)\" w:type=\"dxa\"/></w:tblCellMar>"
        out += "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        out += "</w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>\n"
        return out + rows.joined() + "</w:tbl>\n"
    }
}
