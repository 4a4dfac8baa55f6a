/// The sentences of the database faults, output failures and encoding refusals (issue 10).
extension Messages {
    static func reliabilityText(_ error: SIPASError, _ lang: Language) -> String {
        switch error {
        case let .databaseFault(path, fault):
            let p = TerminalText.name(path)
            switch fault {
            case .notAFile:
                return lang.pick("'\(p)' không phải đường dẫn tệp: cơ sở dữ liệu như vậy không lưu lại gì",
                                 "'\(p)' is not a file path: such a database keeps nothing")
            case .isDirectory:
                return lang.pick("\(p): là một thư mục, không phải tệp cơ sở dữ liệu",
                                 "\(p): is a directory, not a database file")
            case .missing:
                return lang.pick("\(p): chưa có cơ sở dữ liệu ở đây", "\(p): there is no database here yet")
            case let .locked(seconds):
                return lang.pick("\(p): cơ sở dữ liệu đang bị một chương trình khác khoá (đã chờ \(seconds) giây)",
                                 "\(p): the database is locked by another program (waited \(seconds) s)")
            case let .corrupt(detail):
                let why = detail.isEmpty ? "" : " (\(TerminalText.value(detail, limit: 80)))"
                return lang.pick("\(p): tệp cơ sở dữ liệu bị hỏng\(why); không ghi gì thêm",
                                 "\(p): the database file is damaged\(why); nothing was written")
            case .notADatabase:
                return lang.pick("\(p): không phải tệp cơ sở dữ liệu SQLite", "\(p): not an SQLite database file")
            case let .foreign(tables):
                let names = TerminalText.value(tables.prefix(5).joined(separator: ", "), limit: 80)
                return lang.pick("\(p): cơ sở dữ liệu SQLite của chương trình khác (bảng \(names)); sipas không sửa nó",
                                 "\(p): an SQLite database of another program (tables \(names)); sipas leaves it alone")
            case .readOnly:
                return lang.pick("\(p): không ghi được vào cơ sở dữ liệu (tệp hoặc thư mục chỉ đọc)",
                                 "\(p): cannot write to the database (the file or its folder is read-only)")
            case let .older(version, current):
                return lang.pick("\(p): cơ sở dữ liệu theo lược đồ cũ (\(version)), phiên bản này cần lược đồ \(current)",
                                 "\(p): the database has an older schema (\(version)); this sipas needs schema \(current)")
            case .full:
                return lang.pick("\(p): đĩa đầy; không ghi gì thêm", "\(p): the disk is full; nothing was written")
            case .interrupted:
                return lang.pick("\(p): lần nhập trước bị ngắt giữa chừng và chưa được hoàn tác; không đọc gì",
                                 "\(p): the last import was interrupted and has not been undone yet; nothing was read")
            }
        case let .outputFailed(path, reason):
            return lang.pick("\(TerminalText.name(path)): không ghi được (\(reason))",
                             "\(TerminalText.name(path)): cannot write (\(reason))")
        case let .fileEncodingSuspect(path, looksLike, readAs):
            let p = TerminalText.name(path)
            guard let readAs else {
                return lang.pick("\(p): không phải tệp CSV văn bản như đã đọc; có vẻ là văn bản \(looksLike) không có dấu BOM",
                                 "\(p): not a CSV text file as read; it looks like \(looksLike) text without a byte order mark")
            }
            return lang.pick("\(p): các byte là \(looksLike), đọc theo \(readAs) sẽ thành chữ lỗi (như 'á»¥' thay cho 'ụ'); không nhập gì",
                             "\(p): the bytes are \(looksLike); read as \(readAs) they would become mojibake (such as 'á»¥' for 'ụ'); nothing imported")
        default:
            return text(error, lang)
        }
    }

    static func reliabilityHint(_ error: SIPASError, _ lang: Language) -> String? {
        switch error {
        case let .databaseFault(path, fault):
            let p = TerminalText.name(path)
            switch fault {
            case .notAFile:
                return lang.pick("chỉ một tệp, ví dụ --db sipas.sqlite", "name a file, for example --db sipas.sqlite")
            case .isDirectory:
                return lang.pick("chỉ một tệp trong thư mục đó, ví dụ --db \(p)/sipas.sqlite",
                                 "name a file in it, for example --db \(p)/sipas.sqlite")
            case .missing:
                return lang.pick("nhập dữ liệu trước: sipas import --db \(p) TỆP.csv; hoặc kiểm tra lại --db",
                                 "import first: sipas import --db \(p) FILE.csv; or check --db")
            case .locked:
                return lang.pick("một lần nhập khác (hoặc chương trình đang mở tệp) còn đang ghi; chờ nó xong rồi chạy lại (fuser \(p) cho biết tiến trình nào)",
                                 "another import (or a program holding the file open) is still writing; let it finish and run again (fuser \(p) shows which process)")
            case .corrupt:
                return lang.pick("khôi phục từ bản sao lưu, hoặc cứu dữ liệu: sqlite3 \(p) .recover | sqlite3 moi.sqlite",
                                 "restore a backup, or rescue what is left: sqlite3 \(p) .recover | sqlite3 new.sqlite")
            case .notADatabase, .foreign:
                return lang.pick("chỉ tệp cơ sở dữ liệu của sipas, hoặc một tên tệp mới, bằng --db",
                                 "name sipas's database file, or a new file name, with --db")
            case .readOnly:
                return lang.pick("summary, flag, report, imports, rejects vẫn đọc được; để nhập, cấp quyền ghi cho tệp và thư mục, hoặc chép tệp sang chỗ ghi được",
                                 "summary, flag, report, imports and rejects still work; to import, make the file and its folder writable, or copy the file somewhere writable")
            case .older:
                return lang.pick("nâng cấp một lần: sipas migrate --db \(p) (hoặc lần nhập tới sẽ tự nâng cấp)",
                                 "upgrade it once: sipas migrate --db \(p) (or the next import upgrades it)")
            case .full:
                return lang.pick("giải phóng chỗ trên đĩa rồi chạy lại; cơ sở dữ liệu vẫn như trước",
                                 "free some disk space and run again; the database is as it was")
            case .interrupted:
                return lang.pick("hoàn tác một lần: sipas migrate --db \(p) (hoặc lần nhập tới); dữ liệu trở lại như trước lần nhập đó",
                                 "undo it once: sipas migrate --db \(p) (or the next import); the data is as it was before that import")
            }
        case .outputFailed:
            return lang.pick("chỉ một tệp ghi được bằng --out (không phải thư mục)",
                             "name a writable file with --out (not a directory)")
        case let .fileEncodingSuspect(_, looksLike, readAs):
            if readAs == nil { return lang.pick("đọc được với --encoding \(looksLike)", "read it with --encoding \(looksLike)") }
            return lang.pick("nhập với --encoding \(looksLike) (hàng có byte hỏng sẽ bị loại, nêu rõ cột)",
                             "import it with --encoding \(looksLike) (rows with bad bytes are rejected, naming the column)")
        case .database:
            return lang.pick("nếu lỗi lặp lại, kiểm tra tệp bằng: sqlite3 TỆP 'PRAGMA integrity_check'",
                             "if it happens again, check the file with: sqlite3 FILE 'PRAGMA integrity_check'")
        default:
            return nil
        }
    }
}

extension Messages {
    /// Under `sipas rejects`: rows fixed by a later import, left out of the list.
    public static func resolvedHidden(_ count: Int, _ lang: Language) -> String {
        lang.pick("\(NumberFormat.integer(count, lang)) hàng khác đã được sửa ở lần nhập sau (xem: sipas rejects --all).",
                  "\(NumberFormat.integer(count, lang)) more row(s) were fixed by a later import (see: sipas rejects --all).")
    }

    public static func noOpenRejects(_ lang: Language) -> String {
        lang.pick("Không còn hàng bị loại nào cần sửa.", "No rejected rows left to fix.")
    }

    /// The line that stands for warnings or notes left out of the receipt (not rejected rows: they
    /// are not in `sipas rejects`).
    public static func moreWarnings(file: String, count: Int, code: Diagnostic.Code, _ lang: Language) -> String {
        lang.pick("\(file): … và \(count) cảnh báo [\(code.rawValue)] khác (không hàng nào bị loại vì chúng)",
                  "\(file): … and \(count) more [\(code.rawValue)] (no row was rejected for them)")
    }

    /// Said once on stderr when an import waits for another one to finish.
    public static func waitingForLock(_ path: String, _ lang: Language) -> String {
        lang.pick("\(TerminalText.name(path)): đang chờ một lần nhập khác ghi xong…",
                  "\(TerminalText.name(path)): waiting for another import to finish…")
    }

    /// `sipas migrate`'s receipt.
    public static func migrated(_ path: String, from: Int, to: Int, _ lang: Language) -> String {
        if from == to {
            return lang.pick("\(TerminalText.name(path)): lược đồ \(to), đã mới nhất", "\(TerminalText.name(path)): schema \(to), already current")
        }
        return lang.pick("\(TerminalText.name(path)): đã nâng lược đồ \(from) → \(to)", "\(TerminalText.name(path)): schema upgraded \(from) → \(to)")
    }

    /// An output stream (stdout) could not be written.
    public static func outputStreamFailed(_ reason: String, _ lang: Language) -> String {
        lang.pick("sipas: lỗi: không ghi được ra đầu ra chuẩn (\(reason))\n",
                  "sipas: error: cannot write to standard output (\(reason))\n")
    }
}
