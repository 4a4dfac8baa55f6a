/// Charts as DrawingML chart parts (`c:chartSpace`), which Word and LibreOffice draw themselves: no
/// image is rasterised here. Values are literals (`c:numLit`), so the chart needs no embedded workbook;
/// percentages on the axis, one decimal on the labels (shown with the reader's decimal mark).
enum WordCharts {
    struct Series {
        var name: String
        var values: [Double?]
        /// RRGGBB.
        var color: String
        var labels = false
        var dashed = false
    }

    static let namespaces = "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    /// Columns for `bars` with the target as a dashed line over them (elements against the target).
    static func barsWithTarget(title: String, categories: [String], bars: Series, target: Series, lang: Language) -> String {
        let all = (bars.values + target.values).compactMap { $0 }
        let (low, high) = axisRange(all)
        var body = "<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
        body += series(bars, index: 0, categories: categories, line: false)
        body += "<c:gapWidth val=\"70\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
        body += "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
        body += series(target, index: 1, categories: categories, line: true)
        body += "<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>"
        return chartSpace(title: title, plot: body + axes(low: low, high: high), lang: lang)
    }

    /// Lines over categories (the monthly trend against the target).
    static func lines(title: String, categories: [String], series list: [Series], lang: Language) -> String {
        let (low, high) = axisRange(list.flatMap(\.values).compactMap { $0 })
        var body = "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
        for (i, s) in list.enumerated() { body += series(s, index: i, categories: categories, line: true) }
        body += "<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>"
        return chartSpace(title: title, plot: body + axes(low: low, high: high), lang: lang)
    }

    /// The value axis: from a whole even percentage under the lowest value, to 100 or just over the highest.
    static func axisRange(_ values: [Double]) -> (Double, Double) {
        guard let min = values.min(), let max = values.max() else { return (0, 100) }
        var low = ((min - 1) / 2).rounded(.down) * 2
        low = Swift.max(0, Swift.min(low, 100 - 2))
        let high = Swift.min(100, ((max + 1) / 2).rounded(.up) * 2)
        return (low, Swift.max(high, low + 2))
    }

    static func number(_ v: Double) -> String { NumberFormat.plain(v, digits: 2) }

    static func series(_ s: Series, index: Int, categories: [String], line: Bool) -> String {
        var out = "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/><c:tx><c:v>" + WordXML.escape(s.name) + "</c:v></c:tx>"
        if line {
            out += "<c:spPr><a:ln w=\"22225\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(s.color)\"/></a:solidFill>"
                + (s.dashed ? "<a:prstDash val=\"dash\"/>" : "") + "<a:round/></a:ln></c:spPr>"
            out += s.dashed ? "<c:marker><c:symbol val=\"none\"/></c:marker>"
                : "<c:marker><c:symbol val=\"circle\"/><c:size val=\"5\"/><c:spPr><a:solidFill><a:srgbClr val=\"\(s.color)\"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:marker>"
        } else {
            out += "<c:spPr><a:solidFill><a:srgbClr val=\"\(s.color)\"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val=\"0\"/>"
        }
        if s.labels {
            out += "<c:dLbls><c:numFmt formatCode=\"0.0\" sourceLinked=\"0\"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
                + "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"900\"/></a:pPr><a:endParaRPr lang=\"en-US\"/></a:p></c:txPr>"
                + "<c:dLblPos val=\"\(line ? "t" : "outEnd")\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
        }
        out += "<c:cat><c:strLit><c:ptCount val=\"\(categories.count)\"/>"
        for (i, c) in categories.enumerated() { out += "<c:pt idx=\"\(i)\"><c:v>" + WordXML.escape(c) + "</c:v></c:pt>" }
        out += "</c:strLit></c:cat><c:val><c:numLit><c:formatCode>0.0</c:formatCode><c:ptCount val=\"\(s.values.count)\"/>"
        for (i, v) in s.values.enumerated() { if let v { out += "<c:pt idx=\"\(i)\"><c:v>" + number(v) + "</c:v></c:pt>" } }
        out += "</c:numLit></c:val>" + (line ? "<c:smooth val=\"0\"/>" : "") + "</c:ser>"
        return out
    }

    static func axes(low: Double, high: Double) -> String {
        let unit = high - low > 12 ? 5.0 : (high - low > 6 ? 2 : 1)
        return "<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>"
            + "<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
            + "<c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"808080\"/></a:solidFill></a:ln></c:spPr>"
            + "<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
            + "<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"\(number(high))\"/><c:min val=\"\(number(low))\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
            + "<c:numFmt formatCode=\"0\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
            + "<c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"808080\"/></a:solidFill></a:ln></c:spPr>"
            + "<c:crossAx val=\"1001\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/><c:majorUnit val=\"\(number(unit))\"/></c:valAx>"
    }

    static func chartSpace(title: String, plot: String, lang: Language) -> String {
        let tag = lang == .vi ? "vi-VN" : "en-GB"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<c:chartSpace \(namespaces)>"
            + "<c:lang val=\"\(tag)\"/><c:roundedCorners val=\"0\"/><c:chart>"
            + "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1100\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"\(tag)\" sz=\"1100\" b=\"1\"/><a:t>"
            + WordXML.escape(title) + "</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
            + "<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>" + plot + "</c:plotArea>"
            + "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
            + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
            + "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"1000\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill><a:latin typeface=\"Times New Roman\"/><a:cs typeface=\"Times New Roman\"/></a:defRPr></a:pPr><a:endParaRPr lang=\"\(tag)\"/></a:p></c:txPr>"
            + "</c:chartSpace>\n"
    }

    /// The paragraph that shows chart `relationship` inline, `number` its drawing id.
    static func inline(relationship: String, number: Int, description: String, height: Int = 2_340_000) -> String {
        "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/><w:spacing w:before=\"60\" w:after=\"0\"/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"5580000\" cy=\"\(height)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(number)\" name=\"Chart \(number)\" descr=\"" + WordXML.escape(description) + "\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
            + "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"\(relationship)\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n"
    }
}
