/// Excel's rules for a sheet name: 1–31 characters, none of `[ ] : * ? / \`, not starting or ending
/// with an apostrophe, not `History`.
public enum SheetName {
    public static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// The name with forbidden characters replaced by `-`, apostrophes trimmed from the ends and cut to
    /// 31 characters (counted as Excel counts them, in UTF-16 units). Never empty.
    public static func valid(_ name: String) -> String {
        var text = String(name.map { forbidden.contains($0) || $0.isNewline ? "-" : $0 })
        while text.hasPrefix("'") { text.removeFirst() }
        while text.hasSuffix("'") { text.removeLast() }
        var cut = ""
        var units = 0
        for ch in text {
            let n = ch.utf16.count
            if units + n > maximumLength { break }
            cut.append(ch)
            units += n
        }
        while cut.hasSuffix(" ") || cut.hasSuffix("'") { cut.removeLast() }
        if cut.isEmpty || cut.lowercased() == "history" { return "Sheet" + (cut.isEmpty ? "" : "-") + cut }
        return cut
    }

    /// True when `name` is already valid as it is.
    public static func isValid(_ name: String) -> Bool { valid(name) == name }
}
