// The catalogue the synthetic exports are drawn from: units, fields, channels, respondent types,
// the department's administrative procedures (TTHC), and the story each procedure tells in the numbers.
//
// Procedure codes follow the national database's style (1.00xxxx.000.00.00.H33, H33 = Lai Châu);
// the numbers are illustrative, not looked up in the national database.

/// The 19 criteria of the SIPAS 2023–2026 form, in catalogue order (schema/catalogs/sipas-2023.json).
let criterionCodes = [
    "TC1", "TC2", "TC3", "TC4",
    "TT1", "TT2", "TT3", "TT4",
    "CC1", "CC2", "CC3", "CC4", "CC5",
    "KQ1", "KQ2", "KQ3",
    "PA1", "PA2", "PA3",
]

func criterionIndex(_ code: String) -> Int {
    guard let i = criterionCodes.firstIndex(of: code) else { fatalError("unknown criterion \(code)") }
    return i
}

/// Feedback criteria (PA): people without a complaint mostly leave them unanswered.
let feedbackCriteria = 16...18

/// Five-point labels, index 1...5.
let ratingLabels = ["", "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"]
/// The same, without diacritics (old portal exports, phones without a Vietnamese keyboard).
let ratingLabelsASCII = ["", "Rat khong hai long", "Khong hai long", "Binh thuong", "Hai long", "Rat hai long"]

enum Unit: Int, CaseIterable {
    case chuyenNganh, tdc, khoaHoc, keHoachTaiChinh

    var name: String {
        switch self {
        case .chuyenNganh: return "Phòng Quản lý chuyên ngành"
        case .tdc: return "Chi cục Tiêu chuẩn Đo lường Chất lượng"
        case .khoaHoc: return "Phòng Quản lý khoa học"
        case .keHoachTaiChinh: return "Phòng Kế hoạch – Tài chính"
        }
    }
}

enum Field: Int, CaseIterable {
    case bucXa, tdc, khcn, chuyenGiao, shtt

    var name: String {
        switch self {
        case .bucXa: return "An toàn bức xạ và hạt nhân"
        case .tdc: return "Tiêu chuẩn, đo lường, chất lượng"
        case .khcn: return "Hoạt động khoa học và công nghệ"
        case .chuyenGiao: return "Chuyển giao công nghệ"
        case .shtt: return "Sở hữu trí tuệ"
        }
    }
}

let channelNames = ["Trực tiếp", "Trực tuyến", "Bưu chính công ích"]
let respondentTypeNames = ["Cá nhân", "Tổ chức", "Doanh nghiệp"]

/// How satisfied one procedure's users are in one year.
struct YearStory {
    /// Responses that year (exact).
    var responses: Int
    /// Target satisfied share, averaged over the criteria (the "mean of criteria" reading).
    var target: Double
    /// Extra chance that a criterion is rated low (1–3) even in an otherwise good visit: the weak spots.
    var weak: [String: Double] = [:]
}

struct Procedure {
    var code: String
    var name: String
    var field: Field
    var unit: Unit
    /// Respondent-type weights: Cá nhân, Tổ chức, Doanh nghiệp.
    var respondents: [Double]
    /// Extra share of online submissions (added to the year's channel mix).
    var onlineBias: Double = 0
    /// Kind of complaints its users write (see Comments.swift).
    var topic: CommentTopic
    var y2023: YearStory
    var y2024: YearStory

    func story(_ year: Int) -> YearStory { year == 2023 ? y2023 : y2024 }
}

// The story (surveys/README.md tells it in words):
//  - P01, the import-quality inspection at the Ma Lù Thàng border gate, is the busy one (~20% of all
//    responses) and sits around 90–91% in 2024, weak on CC3 (guidance to complete the dossier in one go)
//    and TT4 (processing time).
//  - P05, the X-ray licence, was fine in 2023 (~97%) and clearly fell in 2024 (~89%): new dossier
//    requirements, results late (TT2, TT4, KQ1).
//  - P12, technology-transfer contract registration, is rare (~40 responses in 2024) and poor (~80%).
//  - P10, the S&T enterprise certificate, has fewer than 30 responses in 2024: shown, not judged.
//  - Everything else is healthy, 96–99%.
let procedures: [Procedure] = [
    Procedure(
        code: "1.000411.000.00.00.H33",
        name: "Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu thuộc trách nhiệm quản lý của Bộ Khoa học và Công nghệ",
        field: .tdc, unit: .tdc, respondents: [0.05, 0.05, 0.90], onlineBias: 0.10, topic: .importInspection,
        y2023: YearStory(responses: 480, target: 0.912, weak: ["CC3": 0.10, "TT4": 0.07]),
        y2024: YearStory(responses: 610, target: 0.905, weak: ["CC3": 0.13, "TT4": 0.10])),
    Procedure(
        code: "1.000466.000.00.00.H33",
        name: "Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa nhóm 2 (dựa trên kết quả chứng nhận của tổ chức chứng nhận)",
        field: .tdc, unit: .tdc, respondents: [0.10, 0.10, 0.80], onlineBias: 0.10, topic: .standards,
        y2023: YearStory(responses: 280, target: 0.95),
        y2024: YearStory(responses: 360, target: 0.98)),
    Procedure(
        code: "1.000469.000.00.00.H33",
        name: "Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân sản xuất, kinh doanh",
        field: .tdc, unit: .tdc, respondents: [0.15, 0.10, 0.75], onlineBias: 0.05, topic: .standards,
        y2023: YearStory(responses: 250, target: 0.955),
        y2024: YearStory(responses: 320, target: 0.983)),
    Procedure(
        code: "1.000952.000.00.00.H33",
        name: "Chứng nhận chuẩn đo lường để kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo, chuẩn đo lường",
        field: .tdc, unit: .tdc, respondents: [0.05, 0.55, 0.40], topic: .measurement,
        y2023: YearStory(responses: 80, target: 0.955),
        y2024: YearStory(responses: 90, target: 0.975)),
    Procedure(
        code: "1.004482.000.00.00.H33",
        name: "Cấp giấy phép tiến hành công việc bức xạ – sử dụng thiết bị X-quang chẩn đoán trong y tế",
        field: .bucXa, unit: .chuyenNganh, respondents: [0.10, 0.60, 0.30], topic: .radiation,
        y2023: YearStory(responses: 280, target: 0.97),
        y2024: YearStory(responses: 300, target: 0.895, weak: ["TT2": 0.08, "TT4": 0.10, "KQ1": 0.10])),
    Procedure(
        code: "1.004490.000.00.00.H33",
        name: "Gia hạn giấy phép tiến hành công việc bức xạ – sử dụng thiết bị X-quang chẩn đoán trong y tế",
        field: .bucXa, unit: .chuyenNganh, respondents: [0.10, 0.60, 0.30], topic: .radiation,
        y2023: YearStory(responses: 170, target: 0.96),
        y2024: YearStory(responses: 220, target: 0.98)),
    Procedure(
        code: "1.004512.000.00.00.H33",
        name: "Khai báo thiết bị X-quang chẩn đoán trong y tế",
        field: .bucXa, unit: .chuyenNganh, respondents: [0.15, 0.55, 0.30], onlineBias: 0.10, topic: .radiation,
        y2023: YearStory(responses: 130, target: 0.965),
        y2024: YearStory(responses: 160, target: 0.985)),
    Procedure(
        code: "1.004519.000.00.00.H33",
        name: "Cấp chứng chỉ nhân viên bức xạ (người phụ trách an toàn cơ sở X-quang chẩn đoán trong y tế)",
        field: .bucXa, unit: .chuyenNganh, respondents: [0.85, 0.10, 0.05], topic: .radiation,
        y2023: YearStory(responses: 90, target: 0.955),
        y2024: YearStory(responses: 110, target: 0.975)),
    Procedure(
        code: "2.001261.000.00.00.H33",
        name: "Cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
        field: .khcn, unit: .khoaHoc, respondents: [0.05, 0.80, 0.15], topic: .science,
        y2023: YearStory(responses: 170, target: 0.955),
        y2024: YearStory(responses: 220, target: 0.985)),
    Procedure(
        code: "2.001269.000.00.00.H33",
        name: "Cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ",
        field: .khcn, unit: .khoaHoc, respondents: [0.0, 0.05, 0.95], topic: .science,
        y2023: YearStory(responses: 20, target: 0.955),
        y2024: YearStory(responses: 22, target: 0.96)),
    Procedure(
        code: "1.008366.000.00.00.H33",
        name: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước",
        field: .khcn, unit: .khoaHoc, respondents: [0.25, 0.45, 0.30], topic: .science,
        y2023: YearStory(responses: 120, target: 0.96),
        y2024: YearStory(responses: 150, target: 0.98)),
    Procedure(
        code: "1.010843.000.00.00.H33",
        name: "Đăng ký hợp đồng chuyển giao công nghệ (trừ những trường hợp thuộc thẩm quyền của Bộ Khoa học và Công nghệ)",
        field: .chuyenGiao, unit: .chuyenNganh, respondents: [0.05, 0.15, 0.80], topic: .transfer,
        y2023: YearStory(responses: 35, target: 0.88, weak: ["TT2": 0.05]),
        y2024: YearStory(responses: 40, target: 0.80, weak: ["TT2": 0.12, "CC3": 0.08, "KQ1": 0.10])),
    Procedure(
        code: "1.010844.000.00.00.H33",
        name: "Đăng ký gia hạn, sửa đổi, bổ sung nội dung hợp đồng chuyển giao công nghệ",
        field: .chuyenGiao, unit: .chuyenNganh, respondents: [0.05, 0.15, 0.80], topic: .transfer,
        y2023: YearStory(responses: 40, target: 0.955),
        y2024: YearStory(responses: 50, target: 0.975)),
    Procedure(
        code: "1.008370.000.00.00.H33",
        name: "Hỗ trợ kinh phí đăng ký bảo hộ quyền sở hữu công nghiệp cho sản phẩm đặc thù của địa phương",
        field: .shtt, unit: .keHoachTaiChinh, respondents: [0.35, 0.30, 0.35], topic: .property,
        y2023: YearStory(responses: 140, target: 0.955),
        y2024: YearStory(responses: 190, target: 0.98)),
    Procedure(
        code: "1.008372.000.00.00.H33",
        name: "Cấp, cấp lại giấy xác nhận sử dụng nhãn hiệu chứng nhận, nhãn hiệu tập thể do tỉnh quản lý",
        field: .shtt, unit: .chuyenNganh, respondents: [0.40, 0.35, 0.25], topic: .property,
        y2023: YearStory(responses: 95, target: 0.955),
        y2024: YearStory(responses: 120, target: 0.985)),
]

/// Channel mix per year: Trực tiếp, Trực tuyến, Bưu chính công ích. More online in 2024 (the plan's lever).
func channelWeights(year: Int, procedure: Procedure) -> [Double] {
    let base: [Double] = year == 2023 ? [0.62, 0.30, 0.08] : [0.47, 0.46, 0.07]
    return [base[0] - procedure.onlineBias, base[1] + procedure.onlineBias, base[2]]
}

/// Dossier code prefix of the department on the Lai Châu public-service system.
let dossierPrefix = "000.00.33.H33"
