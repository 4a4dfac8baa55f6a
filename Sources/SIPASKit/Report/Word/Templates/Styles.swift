/// word/styles.xml and word/settings.xml: Times New Roman everywhere (Nghị định 30/2020: Unicode
/// font, TCVN 6909:2001), black, 14 pt body; the body style justified with a 1.27 cm first-line
/// indent, 6 pt after each paragraph and 1.15 line spacing.
enum Styles {
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:docDefaults>
        <w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="{{lang}}" w:eastAsia="{{lang}}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
        </w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="Body"><w:name w:val="SIPAS Body"/><w:basedOn w:val="Normal"/><w:qFormat/>
        <w:pPr><w:spacing w:before="0" w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/><w:jc w:val="both"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="Heading"><w:name w:val="SIPAS Heading"/><w:basedOn w:val="Body"/><w:next w:val="Body"/><w:qFormat/>
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="Subheading"><w:name w:val="SIPAS Subheading"/><w:basedOn w:val="Body"/><w:next w:val="Body"/><w:qFormat/>
        <w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="Cell"><w:name w:val="SIPAS Table Text"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="Caption"><w:name w:val="SIPAS Caption"/><w:basedOn w:val="Normal"/><w:next w:val="Body"/>
        <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:jc w:val="center"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="Note"><w:name w:val="SIPAS Note"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:spacing w:before="60" w:after="120"/><w:jc w:val="both"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="PageNumber"><w:name w:val="SIPAS Page Number"/><w:basedOn w:val="Normal"/>
        <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
        </w:styles>
        """

    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:defaultTabStop w:val="720"/>
        <w:characterSpacingControl w:val="doNotCompress"/>
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
        </w:settings>
        """
}
