/// What each column of a file holds, found by header name (case- and accent-insensitive, any order).
public struct HeaderBinding: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        case responseID = "response_id", date, dossierCode = "dossier_code", procedureCode = "procedure_code"
        case procedureName = "procedure_name", field, unit, channel, respondentType = "respondent_type", comment

        /// Folded header names accepted for this field (see `HeaderName.fold`).
        static let aliases: [String: Field] = {
            let table: [Field: [String]] = [
                .responseID: ["response_id", "Mã phiếu", "Số phiếu"],
                .date: ["date", "Ngày đánh giá", "Ngày khảo sát", "Ngày"],
                .dossierCode: ["dossier_code", "Mã hồ sơ"],
                .procedureCode: ["procedure_code", "Mã TTHC", "Mã thủ tục"],
                .procedureName: ["procedure_name", "Tên TTHC", "Tên thủ tục", "Tên thủ tục hành chính"],
                .field: ["field", "Lĩnh vực"],
                .unit: ["unit", "Đơn vị", "Cơ quan", "Phòng ban"],
                .channel: ["channel", "Kênh nộp", "Hình thức nộp"],
                .respondentType: ["respondent_type", "Đối tượng"],
                .comment: ["comment", "Ý kiến", "Góp ý", "Ý kiến khác"],
            ]
            var result: [String: Field] = [:]
            for (field, names) in table { for name in names { result[HeaderName.fold(name)] = field } }
            return result
        }()
    }

    /// Row-number columns (`STT`, `TT`, `Số TT`), folded: ignored, without a warning.
    static let ignoredNames: Set<String> = Set(["STT", "TT", "Số TT", "Số thứ tự"].map(HeaderName.fold))

    /// Column index (0-based) of each field found.
    public var columns: [Field: Int]
    /// (column index, catalogue position) for each criterion column, in file order.
    public var criteria: [(column: Int, position: Int)]
    public var headerCount: Int
    /// The header names as the file spells them (NFC).
    public var headerNames: [String]
    /// Warnings for columns that were not recognised (one each).
    public var unknownColumns: [(column: Int, name: String)]

    public static func == (a: HeaderBinding, b: HeaderBinding) -> Bool {
        a.columns == b.columns && a.criteria.map(\.column) == b.criteria.map(\.column)
            && a.criteria.map(\.position) == b.criteria.map(\.position) && a.headerCount == b.headerCount
    }

    /// Binds the header names of `file` to fields and criteria of `catalog`.
    public static func bind(headers: [String], catalog: Catalog, file: String) throws(SIPASError) -> HeaderBinding {
        var criterionByName: [String: Int] = [:]
        for (position, entry) in catalog.criteria.enumerated() {
            for name in [entry.criterion.code] + entry.criterion.aliases {
                criterionByName[HeaderName.fold(name)] = position
            }
        }
        var columns: [Field: Int] = [:]
        var criteria: [(column: Int, position: Int)] = []
        var criterionColumn: [Int: Int] = [:]
        var unknown: [(column: Int, name: String)] = []
        for (index, header) in headers.enumerated() {
            let folded = HeaderName.fold(header)
            if let field = Field.aliases[folded] {
                if let first = columns[field] {
                    throw .headerDuplicateColumn(path: file, name: header, first: first + 1, second: index + 1)
                }
                columns[field] = index
            } else if let position = criterionByName[folded] {
                if let first = criterionColumn[position] {
                    throw .headerDuplicateColumn(path: file, name: header, first: first + 1, second: index + 1)
                }
                criterionColumn[position] = index
                criteria.append((index, position))
            } else if ignoredNames.contains(folded) {
                continue
            } else if !folded.isEmpty || !header.isEmpty {
                unknown.append((index, header))
            }
        }
        for required in [Field.date, .procedureCode] where columns[required] == nil {
            throw .headerMissingColumn(path: file, field: required.rawValue)
        }
        if criteria.isEmpty { throw .headerNoCriteria(path: file) }
        return HeaderBinding(columns: columns, criteria: criteria, headerCount: headers.count,
                             headerNames: headers, unknownColumns: unknown)
    }
}
