// Citizens' comments: specific, plausible, in Vietnamese. Some hold commas, quotes or a line break,
// so every writer has to quote them properly. The two hostile ones (a <script> tag and a spreadsheet
// formula) are not in these pools: Bundled.swift places each exactly once.

enum CommentTopic {
    case importInspection, standards, measurement, radiation, science, transfer, property
}

/// Complaints about one weak criterion, by criterion code.
private let complaintsByCriterion: [String: [String]] = [
    "TC1": [
        "Thông tin về thủ tục trên cổng dịch vụ công khó tìm, phải gọi điện hỏi",
        "Trên trang của Sở không có mẫu tờ khai mới nhất",
    ],
    "TC2": [
        "Không có biển chỉ dẫn quầy của Sở Khoa học và Công nghệ, phải hỏi bảo vệ",
    ],
    "TC3": [
        "Khu vực chờ hơi nóng, quạt hỏng",
    ],
    "TC4": [
        "Ghế chờ ít, buổi sáng đông phải đứng",
        "Máy lấy số thứ tự hay bị lỗi",
    ],
    "TT1": [
        "Bảng niêm yết thủ tục chữ nhỏ, khó đọc",
    ],
    "TT2": [
        "Yêu cầu nộp thêm giấy tờ không có trong danh mục thành phần hồ sơ",
        "Phải nộp bản sao chứng thực, trong khi đã nộp bản điện tử",
        "Thành phần hồ sơ trên mạng khác với khi đến nộp trực tiếp",
    ],
    "TT3": [
        "Chưa rõ mức phí thẩm định, mỗi người nói một kiểu",
    ],
    "TT4": [
        "Thời gian trả kết quả chậm so với giấy hẹn",
        "Quá hạn 5 ngày làm việc mới có kết quả, không có thư xin lỗi",
        "Hẹn 7 ngày nhưng 12 ngày mới trả",
        "Giải quyết chậm, doanh nghiệp phải gọi điện hỏi nhiều lần",
    "Hẹn trả kết quả ngày 15.\nĐến ngày 22 vẫn chưa có, gọi điện thì được bảo chờ thêm",
    ],
    "CC1": [
        "Cán bộ trả lời cộc lốc, thiếu tôn trọng",
    ],
    "CC2": [
        "Gọi điện hỏi thì không ai nghe máy",
        "Hỏi qua Zalo 3 ngày mới trả lời",
    ],
    "CC3": [
        "Cán bộ hướng dẫn chưa rõ, phải bổ sung hồ sơ 2 lần",
        "Mỗi lần nộp lại được yêu cầu sửa một chỗ khác, đi lại 3 lần",
        "Không được hướng dẫn một lần đầy đủ, mất nhiều thời gian đi lại",
        "Cán bộ chỉ nói \"về bổ sung rồi nộp lại\", không nói rõ thiếu gì",
        "Hướng dẫn qua điện thoại khác với hướng dẫn tại quầy",
    ],
    "CC4": [
        "Cán bộ tiếp nhận không đưa phiếu hẹn",
    ],
    "CC5": [
        "Cán bộ chưa nhiệt tình, chỉ đưa tờ hướng dẫn rồi để tự làm",
    ],
    "KQ1": [
        "Trả kết quả không đúng hẹn",
        "Giấy phép trả muộn, cơ sở phải tạm dừng máy chờ giấy phép",
    ],
    "KQ2": [
        "Giấy chứng nhận ghi sai tên doanh nghiệp, phải đi đính chính",
    ],
    "KQ3": [
        "Cùng loại hồ sơ nhưng đơn vị khác được giải quyết nhanh hơn",
    ],
]

/// Complaints that only make sense for one kind of procedure.
private let complaintsByTopic: [CommentTopic: [String]] = [
    .importInspection: [
        "Hàng nhập khẩu qua cửa khẩu Ma Lù Thàng phải chờ kết quả kiểm tra lâu, phát sinh chi phí lưu kho",
        "Phải bổ sung giấy chứng nhận hợp quy 2 lần, lần đầu không được nói rõ",
        "Hồ sơ đăng ký kiểm tra trên Cổng một cửa quốc gia và hồ sơ giấy yêu cầu khác nhau",
        "Đề nghị hướng dẫn rõ mẫu bản đăng ký kiểm tra, doanh nghiệp khai sai nhiều lần\nlần sau mong được kiểm tra trước khi nộp",
        "Thông báo kết quả kiểm tra chậm, lô thép phải nằm ở bãi 6 ngày",
    ],
    .standards: [
        "Chưa rõ khi nào phải công bố lại hợp quy khi thay đổi nhãn",
    ],
    .measurement: [
        "Thời gian đánh giá chuẩn đo lường kéo dài",
    ],
    .radiation: [
        "Từ năm 2024 hồ sơ cấp phép X-quang yêu cầu thêm nhiều giấy tờ, không được thông báo trước",
        "Phải nộp lại báo cáo đánh giá an toàn 2 lần vì mẫu mới",
        "Giấy phép X-quang trả chậm, phòng khám phải tạm dừng chụp",
        "Đề nghị thông báo rõ mẫu hồ sơ mới theo quy định năm 2024,\ncơ sở y tế tư nhân không nắm được",
    ],
    .science: [
        "Mẫu báo cáo kết quả nhiệm vụ phức tạp, cần có file mẫu điền sẵn",
    ],
    .transfer: [
        "Hồ sơ đăng ký hợp đồng chuyển giao công nghệ bị trả lại vì thiếu bản dịch, không được báo từ đầu",
        "Thời gian thẩm định hợp đồng chuyển giao quá lâu",
        "Cán bộ không nắm rõ quy định về chuyển giao công nghệ, phải chờ xin ý kiến",
    ],
    .property: [
        "Thủ tục hỗ trợ kinh phí nhiều giấy tờ, hợp tác xã khó chuẩn bị",
    ],
]

private let genericComplaints = [
    "Nộp hồ sơ trực tuyến bị lỗi tải tệp,\nphải mang bản giấy đến quầy",
    "Chờ lâu, chỉ có 1 cán bộ tiếp nhận",
    "Nộp trực tuyến nhưng vẫn phải mang hồ sơ giấy đến",
    "Không nhận được tin nhắn báo kết quả",
]

private let praise = [
    "Rất hài lòng, cán bộ nhiệt tình",
    "Cán bộ hướng dẫn tận tình, chu đáo",
    "Hồ sơ được giải quyết sớm hơn hẹn",
    "Thủ tục nhanh gọn",
    "Cảm ơn cán bộ Sở đã hỗ trợ, hướng dẫn qua điện thoại rất rõ",
    "Tốt",
    "Hài lòng",
    "Cán bộ vui vẻ, hướng dẫn một lần là đủ",
    "Nộp trực tuyến thuận tiện, không phải đi lại",
    "Trả kết quả qua bưu điện rất tiện cho người ở huyện xa",
    "Được hướng dẫn \"cầm tay chỉ việc\", rất cảm ơn",
]

private let suggestions = [
    "Nên cho phép nộp phí trực tuyến",
    "Đề nghị gửi tin nhắn SMS khi có kết quả",
    "Nên có mẫu hồ sơ điền sẵn trên cổng dịch vụ công",
    "Đề nghị bố trí thêm cán bộ vào buổi sáng thứ Hai",
    "Nên cho phép nộp bản scan thay cho bản sao chứng thực",
    "Đề nghị có số điện thoại đường dây nóng của Sở, ghi rõ tại quầy",
    "Nên có hướng dẫn bằng video cho người lần đầu nộp trực tuyến",
    "Mong Sở tổ chức tập huấn cho doanh nghiệp về công bố hợp quy, hợp chuẩn",
]

enum Comments {
    /// A complaint from a dissatisfied visit: about one of its weak criteria when it has them.
    static func complaint(topic: CommentTopic, weakCriteria: [String], rng: inout SplitMix64) -> String {
        let r = rng.unit()
        if r < 0.30, let pool = complaintsByTopic[topic] { return rng.pick(pool) }
        if r < 0.85, !weakCriteria.isEmpty, let pool = complaintsByCriterion[rng.pick(weakCriteria)] {
            return rng.pick(pool)
        }
        if rng.chance(0.4) { return rng.pick(genericComplaints) }
        let codes = complaintsByCriterion.keys.sorted()
        return rng.pick(complaintsByCriterion[rng.pick(codes)]!)
    }

    /// A comment from a satisfied visit: praise or a suggestion.
    static func satisfied(rng: inout SplitMix64) -> String {
        rng.chance(0.6) ? rng.pick(praise) : rng.pick(suggestions)
    }

    /// Short comments for the big benchmark file (no line breaks; some with commas).
    static let bigPool: [String] = (praise + suggestions + genericComplaints).filter { !$0.contains("\n") }
        + ["Cán bộ hướng dẫn chưa rõ, phải bổ sung hồ sơ 2 lần", "Thời gian trả kết quả chậm so với giấy hẹn"]
}

/// The two hostile comments; the report must show them as text.
let scriptComment = "Trang nộp hồ sơ báo lỗi <script>alert(1)</script> khi tải tệp đính kèm"
let formulaComment = "=HYPERLINK(\"http://x\",\"bấm\") xem hướng dẫn ở đây"
