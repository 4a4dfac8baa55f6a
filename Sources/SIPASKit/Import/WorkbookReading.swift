import Foundation
import SurveyCSV
import SurveyXLSX

/// The parsing thread for a workbook: SurveyXLSX finds the table and yields the same record batches
/// the CSV reader does, so validation, storage and every guarantee after it are the CSV path's own.
extension FileReading {
    static func parseWorkbook(path: String, options: ImportOptions, into queue: BlockingQueue<Parsed>) {
        struct Stopped: Error {}
        do {
            let reader = try WorkbookTableReader(path: path, sheet: options.sheet, rules: tableRules(options.catalog),
                                                 dateRule: options.dateRule ?? .asStored, batchSize: options.batchSize)
            let table = WorkbookTable(sheet: reader.sheet.name, headerRows: reader.headerRows)
            guard queue.put(.opened(encoding: .utf8, detected: true, delimiter: 0x2C, byteCount: reader.byteCount,
                                    workbook: table)) else { return }
            let report = try reader.read { batch in
                guard queue.put(.records(batch, bytesRead: reader.bytesRead)) else { throw Stopped() }
            }
            _ = queue.put(.end(table: report))
        } catch is Stopped {
            return
        } catch let error as XLSXError {
            _ = queue.put(.failed(map(error)))
        } catch let error as SIPASError {
            _ = queue.put(.failed(error))
        } catch {
            _ = queue.put(.failed(.fileUnreadable(path: path, reason: String(describing: error))))
        }
    }

    /// The header is the first row that binds to the catalogue; footer rows start with a total's words.
    static func tableRules(_ catalog: Catalog) -> TableRules {
        TableRules(
            bind: { labels in
                guard let binding = try? HeaderBinding.bind(headers: labels.map(\.nfc), catalog: catalog, file: ""),
                      let date = binding.columns[.date], let code = binding.columns[.procedureCode] else { return nil }
                let ignored = labels.indices.filter { HeaderBinding.ignoredNames.contains(HeaderName.fold(labels[$0])) }
                return TableColumns(date: date, procedureCode: code,
                                    keys: [binding.columns[.responseID], binding.columns[.dossierCode]].compactMap { $0 },
                                    ignored: ignored)
            },
            isFooter: { text in
                let folded = HeaderName.fold(text)
                return footerPrefixes.contains { folded.hasPrefix($0) }
            })
    }

    /// Folded (`HeaderName.fold`) starts of footer rows: `Tổng số`, `Tổng cộng`, `Cộng:`, `Điểm bình quân`,
    /// `Bình quân`, `Trung bình`, `Người lập biểu`.
    static let footerPrefixes = ["tongso", "tongcong", "diembinhquan", "binhquan", "trungbinh", "nguoilap", "total", "average"]

    static func map(_ error: XLSXError) -> SIPASError {
        switch error {
        case let .cannotOpen(path, reason): return .fileUnreadable(path: path, reason: reason)
        case let .notAWorkbook(path): return .fileNotText(path: path)
        case let .binaryWorkbook(path): return .workbook(.binaryWorkbook(path: path))
        case let .missingPart(path, part): return .workbook(.damaged(path: path, part: part, reason: "missing"))
        case let .damagedPart(path, part, reason): return .workbook(.damaged(path: path, part: part, reason: reason))
        case let .noSuchSheet(path, sheet, available): return .workbook(.noSuchSheet(path: path, sheet: sheet, available: available))
        case let .noTableFound(path, sheets): return .workbook(.noTable(path: path, sheets: sheets))
        }
    }
}
