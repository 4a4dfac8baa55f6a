internal import CXlsxWriter

/// How a cell looks: its number format, weight, fill and alignment. Equal styles share one format in
/// the file.
public struct CellStyle: Hashable, Sendable {
    /// Excel's own format code (`0.0%`, `#,##0`, `dd/mm/yyyy`); Excel shows it in the reader's locale.
    public var numberFormat: String?
    public var bold = false
    public var italic = false
    /// 0xRRGGBB.
    public var fill: UInt32?
    public var fontColor: UInt32?
    public var wrap = false
    public var alignTop = false
    public var centered = false
    public var indent = 0
    /// A thin line under the cell (the header row).
    public var bottomBorder = false

    public init(numberFormat: String? = nil, bold: Bool = false, italic: Bool = false, fill: UInt32? = nil,
                fontColor: UInt32? = nil, wrap: Bool = false, alignTop: Bool = false, centered: Bool = false, indent: Int = 0,
                bottomBorder: Bool = false) {
        self.numberFormat = numberFormat
        self.bold = bold
        self.italic = italic
        self.fill = fill
        self.fontColor = fontColor
        self.wrap = wrap
        self.alignTop = alignTop
        self.centered = centered
        self.indent = indent
        self.bottomBorder = bottomBorder
    }

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fill)
        }
        if let fontColor { format_set_font_color(format, fontColor) }
        if wrap { format_set_text_wrap(format) }
        if alignTop { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)) }
        if centered { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
        if indent > 0 { format_set_indent(format, UInt8(min(indent, 15))) }
        if bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
    }
}
