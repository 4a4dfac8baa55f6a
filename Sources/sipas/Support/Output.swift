import ArgumentParser
import Foundation
import SIPASKit

/// Streams and exit codes: what people read goes to stdout; progress, diagnostics and the summary
/// line go to stderr.
enum Output {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var colorOnStdout: Bool { stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

/// An engine error on its way out: printed in one voice, exit code 2.
struct Failure: Error {
    let error: SIPASError
    init(_ error: SIPASError) { self.error = error }
    init(_ error: any Error) {
        self.error = (error as? SIPASError) ?? .invalidArgument(String(describing: error))
    }

    func report(_ lang: Language) -> ExitCode {
        Output.err("sipas: " + lang.pick("lỗi", "error") + ": " + Messages.text(error, lang) + "\n")
        if let hint = Messages.hint(error, lang) { Output.err("  " + lang.pick("gợi ý", "hint") + ": " + hint + "\n") }
        if case .invalidArgument = error { return ExitCode(64) }
        return ExitCode(2)
    }
}
