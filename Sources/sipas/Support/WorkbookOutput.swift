import ArgumentParser
import Foundation
import SIPASKit

/// `--out FILE` and `--format xlsx`, shared by `summary`, `flag`, `rejects`, `imports` and `report`.
extension OutputFile {
    /// A workbook is a file: `--format xlsx` without `--out` is a usage error (exit 64), whether stdout
    /// is a terminal or a pipe.
    static func workbookPath(_ out: String?, _ lang: Language) throws -> String {
        guard let out, !out.isEmpty else {
            throw Failure(SIPASError.invalidArgument(Messages.workbookNeedsOut(lang))).report(lang)
        }
        return out
    }

    /// `report --format docx` without `--out` is a usage error (exit 64), like a workbook.
    static func documentPath(_ out: String?, _ lang: Language) throws -> String {
        guard let out, !out.isEmpty else {
            throw Failure(SIPASError.invalidArgument(Messages.documentNeedsOut(lang))).report(lang)
        }
        return out
    }

    /// After a workbook is written: one line on stderr.
    static func wroteWorkbook(_ path: String, _ lang: Language) {
        Output.err(Messages.workbookWritten(path, lang) + "\n")
    }

    /// Text to `out` when given (written in place, see `OutputFile.write`), else to stdout.
    static func emit(_ text: String, to out: String?) throws(SIPASError) {
        guard let out else { return Output.out(text) }
        try write(text, to: out)
    }
}

/// `imports --format`.
enum ImportsFormat: String, ExpressibleByArgument { case table, json, xlsx }

/// `rejects --format`.
enum RejectsFormat: String, ExpressibleByArgument { case table, csv, json, xlsx }

/// `report --format`.
enum DocumentFormat: String, ExpressibleByArgument { case html, xlsx, docx }
