internal import CXlsxWriter
import Foundation

/// Why a workbook could not be written: libxlsxwriter's own words for its error number, and what was
/// being done.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    init(_ code: lxw_error, _ doing: String) {
        message = doing + ": " + String(cString: lxw_strerror(code))
    }

    init(_ message: String) { self.message = message }
}

/// The workbook's document properties (File › Info in Excel).
public struct DocumentProperties: Sendable, Equatable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var keywords: String?
    public var comments: String?
    /// Seconds since 1970 for the "created" stamp; nil: now.
    public var created: Int?

    public init(title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
                keywords: String? = nil, comments: String? = nil, created: Int? = nil) {
        self.title = title
        self.subject = subject
        self.author = author
        self.company = company
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }
}

/// An `.xlsx` being written with libxlsxwriter: the only Swift that touches that library. Nothing of
/// it leaves this module — sheets, styles and charts are described with Swift values.
///
/// **Constant-memory mode** (the default): every row goes to a temporary file as soon as the next row
/// is started, so a sheet of a million rows costs no more memory than one of ten. Its two rules, which
/// `XLSXSheet` enforces rather than lets libxlsxwriter drop data silently: rows are written in order (a row
/// once left cannot be written again, cells of a row left to right), and text goes into the cells
/// inline (no shared-strings table; a larger file when many cells repeat the same text).
///
/// Nothing is written to `path` until `close()`; a workbook dropped without `close()` writes nothing.
public final class XLSXWorkbook {
    public let path: String
    public let constantMemory: Bool
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private(set) var sheets: [XLSXSheet] = []

    public init(path: String, constantMemory: Bool = true) throws(WorkbookError) {
        self.path = path
        self.constantMemory = constantMemory
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: nil, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            throw WorkbookError("\(path): libxlsxwriter could not start a workbook")
        }
        self.handle = handle
    }

    deinit {
        // Not closed: free without writing anything.
        if let handle { lxw_workbook_free(handle) }
    }

    var workbook: UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { preconditionFailure("the workbook is already closed") }
        return handle
    }

    public func setProperties(_ p: DocumentProperties) throws(WorkbookError) {
        var owned: [UnsafeMutablePointer<CChar>] = []
        defer { owned.forEach { free($0) } }
        func c(_ text: String?) -> UnsafeMutablePointer<CChar>? {
            guard let text else { return nil }
            let pointer = strdup(CellText.xmlSafe(text))!
            owned.append(pointer)
            return pointer
        }
        var properties = lxw_doc_properties()
        properties.title = c(p.title)
        properties.subject = c(p.subject)
        properties.author = c(p.author)
        properties.company = c(p.company)
        properties.keywords = c(p.keywords)
        properties.comments = c(p.comments)
        properties.created = time_t(p.created ?? 0)
        let code = workbook_set_properties(workbook, &properties)
        guard code == LXW_NO_ERROR else { throw WorkbookError(code, "document properties") }
    }

    /// A new sheet at the end. `name` is made a valid sheet name (`SheetName.valid`) first; two sheets
    /// may not end up with the same name.
    public func addSheet(_ name: String) throws(WorkbookError) -> XLSXSheet {
        let valid = SheetName.valid(name)
        guard !sheets.contains(where: { $0.name.lowercased() == valid.lowercased() }) else {
            throw WorkbookError("sheet name '\(valid)' is used twice")
        }
        guard let sheet = workbook_add_worksheet(workbook, valid) else {
            throw WorkbookError("sheet '\(valid)': libxlsxwriter refused the name")
        }
        let s = XLSXSheet(sheet, name: valid, workbook: self)
        sheets.append(s)
        return s
    }

    /// Writes the file. The workbook cannot be used afterwards.
    public func close() throws(WorkbookError) {
        let handle = workbook
        self.handle = nil
        formats = [:]
        let code = workbook_close(handle)
        guard code == LXW_NO_ERROR else { throw WorkbookError(code, path) }
    }

    /// One libxlsxwriter format per distinct style, made on first use (formats belong to the workbook).
    func format(_ style: CellStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style, style != CellStyle() else { return nil }
        if let format = formats[style] { return format }
        let format = workbook_add_format(workbook)!
        style.apply(to: format)
        formats[style] = format
        return format
    }

    func chart(_ kind: UInt8) -> UnsafeMutablePointer<lxw_chart>? {
        workbook_add_chart(workbook, kind)
    }
}
