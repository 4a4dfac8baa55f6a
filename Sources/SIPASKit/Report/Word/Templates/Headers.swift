/// The headers: none on the first page (an empty header, with `w:titlePg` in the section), and the
/// page number centred in the top margin from page 2 on (a PAGE field, 14 pt).
enum Headers {
    static let first = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="PageNumber"/></w:pPr></w:p></w:hdr>
        """

    static let pageNumber = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="PageNumber"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>
        """

    /// A4 portrait (210 × 297 mm = 11906 × 16838 twips); margins top 20 mm (1134), bottom 20 mm
    /// (1134), left 30 mm (1701), right 15 mm (851); headers 10 mm from the edge.
    static let section = """
        <w:sectPr><w:headerReference w:type="first" r:id="rId3"/><w:headerReference w:type="default" r:id="rId4"/><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>
        """

    /// The text width: 11906 − 1701 − 851.
    static let textWidth = 9354
}
