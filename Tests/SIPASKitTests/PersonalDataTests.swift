import SIPASKit
import XCTest

/// Phone numbers, ID numbers and e-mail addresses masked; codes, dates, amounts and counts left alone.
final class PersonalDataTests: XCTestCase {
    func testPhoneNumbersInTheirUsualSpellingsAreMasked() {
        XCTAssertEqual(PersonalData.mask("gọi 0912345678 nhé"), "gọi •••••••••• nhé")
        XCTAssertEqual(PersonalData.mask("SĐT: 0912 345 678."), "SĐT: •••• ••• •••.")
        XCTAssertEqual(PersonalData.mask("ĐT 0912.345.678"), "ĐT ••••.•••.•••")
        XCTAssertEqual(PersonalData.mask("liên hệ +84 912 345 678"), "liên hệ ••• ••• ••• •••")
        XCTAssertEqual(PersonalData.mask("(+84)912345678"), "(+84)•••••••••")
        XCTAssertEqual(PersonalData.mask("84912345678"), "•••••••••••")
        XCTAssertEqual(PersonalData.mask("máy bàn 0213 3876 543"), "máy bàn •••• •••• •••")
        XCTAssertEqual(PersonalData.mask("0987-654-321"), "••••-•••-•••")
        XCTAssertEqual(PersonalData.mask("chờ 2 lần, gọi 0912 345 678"), "chờ 2 lần, gọi •••• ••• •••")
    }

    func testCitizenIDNumbersAreMasked() {
        XCTAssertEqual(PersonalData.mask("CCCD 001203004567 của tôi"), "CCCD •••••••••••• của tôi")
        XCTAssertEqual(PersonalData.mask("CMND số 123456789"), "CMND số •••••••••")
    }

    func testEmailAddressesAreMasked() {
        XCTAssertEqual(PersonalData.mask("gửi về nguyen.van.a@gmail.com."), "gửi về •••@•••.")
        XCTAssertEqual(PersonalData.mask("a_b+c@so-khcn.laichau.gov.vn"), "•••@•••")
        XCTAssertEqual(PersonalData.mask("@ cán bộ"), "@ cán bộ")
        XCTAssertEqual(PersonalData.mask("x@y"), "x@y")
    }

    func testCodesDatesAmountsAndCountsAreLeftAlone() {
        for text in [
            "hồ sơ 000.00.33.H33-240711-0001 trả muộn", "thủ tục 2.001520", "mã 1.004482.000.00.00.H33",
            "ngày 11/07/2024", "2024-07-11 14:20", "phí 1.500.000 đồng", "100.000.000.000 đồng", "2.962 phiếu",
            "các năm 2023 2024 2025", "chờ 45 phút", "số 12", "H33-240711-0001", "KHCN-2024-001958",
            "giấy phép 123/GP-SKHCN", "lần 3 trong 2 tháng", "tổng 2.380",
        ] {
            XCTAssertEqual(PersonalData.mask(text), text)
        }
    }
}
