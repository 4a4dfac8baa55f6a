/// Who sends the report and to whom: the parts of an administrative document (Nghị định 30/2020)
/// that are not figures. From `sipas settings`, overridden per run, else the defaults below.
public struct DocumentIdentity: Sendable, Codable, Equatable {
    /// "Sở Khoa học và Công nghệ" (the issuing body).
    public var department: String
    /// "UBND tỉnh Lai Châu" (the body above it).
    public var parent: String
    /// "SKHCN", for the number: `Số:   /BC-SKHCN`.
    public var abbreviation: String
    /// "Lai Châu", for the place and date line.
    public var place: String
    /// "Ủy ban nhân dân tỉnh Lai Châu", after `Kính gửi:`.
    public var addressee: String
    /// "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC": one entry a line.
    public var signerTitle: [String]
    /// Nil: left blank to fill in after review.
    public var signerName: String?
    /// "Như trên", "Sở Nội vụ", … "Lưu: VT, VP" (without the dash and the closing punctuation).
    public var recipients: [String]
    /// The document's number; nil: left blank (`Số:   /BC-…`).
    public var number: String?
    /// yyyymmdd; nil: left blank (`ngày … tháng … năm …`).
    public var date: Int?

    /// Settings, then per-run overrides (same keys), then the defaults.
    public static func resolve(_ settings: [SettingKey: String], overrides: [SettingKey: String] = [:],
                               number: String? = nil, date: Int? = nil, lang: Language) -> DocumentIdentity {
        func value(_ key: SettingKey) -> String? {
            (overrides[key] ?? settings[key]).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        }
        func lines(_ key: SettingKey) -> [String]? {
            value(key).map { $0.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        return DocumentIdentity(
            department: value(.department) ?? lang.pick("Sở Khoa học và Công nghệ", "Department of Science and Technology"),
            parent: value(.parent) ?? lang.pick("UBND tỉnh Lai Châu", "Lai Châu Provincial People's Committee"),
            abbreviation: value(.abbreviation) ?? "SKHCN",
            place: value(.place) ?? "Lai Châu",
            addressee: value(.addressee) ?? lang.pick("Ủy ban nhân dân tỉnh Lai Châu", "Lai Châu Provincial People's Committee"),
            signerTitle: lines(.signerTitle) ?? [lang.pick("GIÁM ĐỐC", "DIRECTOR")],
            signerName: value(.signerName),
            recipients: lines(.recipients) ?? (lang == .vi
                ? ["Như trên", "Sở Nội vụ", "Giám đốc, các Phó Giám đốc Sở", "Lưu: VT, VP"]
                : ["As above", "Department of Home Affairs", "Director and Deputy Directors", "Archives: VT, VP"]),
            number: number, date: date)
    }

    /// The value shown for a key (lines joined by line breaks).
    public func value(_ key: SettingKey) -> String {
        switch key {
        case .department: department
        case .parent: parent
        case .abbreviation: abbreviation
        case .place: place
        case .addressee: addressee
        case .signerTitle: signerTitle.joined(separator: "\n")
        case .signerName: signerName ?? ""
        case .recipients: recipients.joined(separator: "\n")
        }
    }
}
