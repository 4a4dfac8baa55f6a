import SIPASStatistics

/// Builds word/document.xml and its charts from the report model: the letterhead and the closing
/// block here, sections I–V in WordSections.swift.
struct WordBody {
    let doc: ReportDocument
    let lang: Language

    var s: SummaryReport { doc.summary }
    var id: DocumentIdentity { doc.identity }
    var width: Int { Headers.textWidth }

    func pct(_ x: Double?) -> String { x.map { NumberFormat.percent($0, lang) } ?? Labels.missing }
    func int(_ n: Int) -> String { NumberFormat.integer(n, lang) }
    func r(_ text: String, _ font: WordXML.Font = .plain) -> String { WordXML.run(text, font) }
    func body(runs: String, keepNext: Bool = false) -> String {
        WordXML.paragraph(runs, .init(style: "Body", keepNext: keepNext))
    }
    func body(_ text: String, keepNext: Bool = false) -> String { body(runs: r(text), keepNext: keepNext) }
    func heading(_ text: String) -> String { WordXML.paragraph(r(text), .init(style: "Heading")) }
    func subheading(_ text: String) -> String { WordXML.paragraph(r(text), .init(style: "Subheading")) }
    func note(_ text: String) -> String { WordXML.paragraph(r(text), .init(style: "Note")) }

    /// The subject (trích yếu), also the document's title.
    var subject: String {
        lang.pick("Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính (SIPAS) năm \(s.year)",
                  "Results of the survey of citizens' and organisations' satisfaction with public administrative services (SIPAS), \(s.year)")
    }

    func document() -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out += "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">\n<w:body>\n"
        out += letterhead()
        out += titleBlock()
        out += introduction()
        out += sectionI()
        out += sectionII()
        out += sectionIII()
        out += sectionIV()
        out += sectionV()
        out += closing()
        out += signatureBlock()
        out += Headers.section + "\n</w:body>\n</w:document>\n"
        return out
    }

    // MARK: Letterhead

    /// Column widths of the letterhead: issuing body, national heading.
    static let left = 4110, right = 5244

    /// Issuing body | national heading, then number | place and date: a table without borders.
    func letterhead() -> String {
        let centre = WordXML.Para(align: "center")
        func p(_ runs: String) -> String { WordXML.paragraph(runs, centre) }
        let parent = p(r(id.parent.uppercased(), .init(size: 26)))
        let department = p(r(id.department.uppercased(), .init(bold: true, size: 26)))
        // The short line under the issuing body: about 40% of the department's name.
        let departmentLine = WordXML.shortLine(width: Self.left, length: min(Self.left - 600, max(900, textWidth(id.department, size: 13, bold: true) * 2 / 5)))
        let nation = p(r(lang.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"), .init(bold: true, size: 24)))
        let mottoText = lang.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")
        let motto = p(r(mottoText, .init(bold: true, size: 28)))
        let mottoLine = WordXML.shortLine(width: Self.right, length: textWidth(mottoText, size: 14, bold: true))
        let number = p(r(lang.pick("Số: ", "No.: ") + (id.number ?? "     ") + "/BC-" + id.abbreviation, .init(size: 26)))
        let date = WordXML.paragraph(r(placeAndDate(), .italic), .init(align: "center"))
        let rows = [
            WordXML.row([WordXML.cell(parent + department + departmentLine, width: Self.left, vAlign: "top"),
                         WordXML.cell(nation + motto + mottoLine, width: Self.right, vAlign: "top")]),
            WordXML.row([WordXML.cell(number, width: Self.left),
                         WordXML.cell(date, width: Self.right)]),
        ]
        return WordXML.table(widths: [Self.left, Self.right], rows: rows, borders: false)
    }

    /// "Lai Châu, ngày 05 tháng 12 năm 2024", or with blanks to fill in.
    func placeAndDate() -> String {
        guard let day = id.date else {
            return lang.pick("\(id.place), ngày      tháng      năm \(s.year)", "\(id.place), ….. ….. \(s.year)")
        }
        let y = day / 10000, m = day / 100 % 100, d = day % 100
        if lang == .en {
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
            return "\(id.place), \(d) \(months[m - 1]) \(y)"
        }
        // Days under 10 and months 1 and 2 get a leading zero (Nghị định 30/2020).
        let dd = d < 10 ? "0\(d)" : "\(d)", mm = m <= 2 ? "0\(m)" : "\(m)"
        return "\(id.place), ngày \(dd) tháng \(mm) năm \(y)"
    }

    /// An estimate of a text's width in twips in Times New Roman (about half an em a character, a
    /// little more in bold), for the lines under the heading texts.
    func textWidth(_ text: String, size: Int, bold: Bool) -> Int {
        let em = Double(size * 20)
        return Int(Double(text.count) * em * (bold ? 0.5 : 0.46))
    }

    func titleBlock() -> String {
        var out = WordXML.paragraph(r(lang.pick("BÁO CÁO", "REPORT"), .init(bold: true, size: 28)),
                                    .init(align: "center", before: 360, after: 0, keepNext: true))
        out += WordXML.paragraph(r(subject, .init(bold: true, size: 28)), .init(align: "center", keepNext: true))
        out += WordXML.shortLine(width: width, length: 1800, after: 240)
        out += WordXML.paragraph(r(lang.pick("Kính gửi: ", "To: ")) + r(id.addressee + "."),
                                 .init(align: "center", after: 240))
        return out
    }

    // MARK: Closing

    func closing() -> String {
        body(lang.pick("Trên đây là báo cáo kết quả khảo sát chỉ số hài lòng SIPAS năm \(s.year) của \(id.department)./.",
                       "This is the \(s.year) SIPAS satisfaction report of the \(id.department)./."), keepNext: true)
    }

    /// `Nơi nhận:` and its list | the signer's title, room to sign, the name.
    func signatureBlock() -> String {
        let left = 4200, right = width - 4200
        var recipients = WordXML.paragraph(r(lang.pick("Nơi nhận:", "Recipients:"), .init(bold: true, italic: true, size: 24)),
                                           .init(before: 240))
        for (i, name) in id.recipients.enumerated() {
            let last = i == id.recipients.count - 1
            recipients += WordXML.paragraph(r("- " + name + (last ? "." : ";"), .init(size: 22)), .init())
        }
        var signer = ""
        for (i, line) in id.signerTitle.enumerated() {
            signer += WordXML.paragraph(r(line.uppercased(), .init(bold: true, size: 28)), .init(align: "center", before: i == 0 ? 240 : 0))
        }
        let blanks = id.signerName == nil ? 5 : 4
        for _ in 0..<blanks { signer += WordXML.paragraph("", .init(align: "center")) }
        signer += WordXML.paragraph(r(id.signerName ?? "", .init(bold: true, size: 28)), .init(align: "center"))
        return WordXML.table(widths: [left, right], rows: [
            WordXML.row([WordXML.cell(recipients, width: left, vAlign: "top"), WordXML.cell(signer, width: right, vAlign: "top")]),
        ], borders: false)
    }
}
