import ArgumentParser
import Foundation
import SIPASKit

/// Streams and exit codes: what people read goes to stdout; progress, diagnostics and the summary
/// line go to stderr.
///
/// Both are written with `write(2)`, never through `FileHandle` (which traps on an error): stdout
/// closed by its reader (`sipas … | head -1`) ends the process quietly with exit 0, like `rg` and
/// `xsv`; any other stdout failure (a full disk, `> /dev/full`) is said on stderr, exit 2. A failing
/// stderr is ignored: there is nowhere left to say anything.
enum Output {
    /// Set before anything is written: a closed pipe is an error to handle (EPIPE), not a signal.
    private static let ignoreSIGPIPE: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The language failures on stdout are reported in: `--lang` as given on the command line.
    static let language: Language = {
        let arguments = CommandLine.arguments
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count, arguments[i + 1] == "en" { return .en }
        return arguments.contains("--lang=en") ? .en : .vi
    }()

    static func out(_ text: String) {
        _ = ignoreSIGPIPE
        if let failure = write(fd: 1, text) {
            if failure == EPIPE { exit(0) }
            _ = write(fd: 2, Messages.outputStreamFailed(String(cString: strerror(failure)), language))
            exit(2)
        }
    }

    static func err(_ text: String) {
        _ = ignoreSIGPIPE
        _ = write(fd: 2, text)
    }

    /// Writes every byte, retrying short writes and EINTR; the errno of a failure, nil when done.
    @discardableResult
    static func write(fd: Int32, _ text: String) -> Int32? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return nil
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var colorOnStdout: Bool { stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

/// An engine error on its way out: printed in one voice, exit code 2 (64 for usage).
struct Failure: Error {
    let error: SIPASError
    init(_ error: SIPASError) { self.error = error }
    init(_ error: any Error) {
        self.error = (error as? SIPASError) ?? .invalidArgument(String(describing: error))
    }

    func report(_ lang: Language) -> ExitCode {
        Output.err("sipas: " + lang.pick("lỗi", "error") + ": " + TerminalText.escape(Messages.text(error, lang)) + "\n")
        if let hint = Messages.hint(error, lang) {
            Output.err("  " + lang.pick("gợi ý", "hint") + ": " + TerminalText.escape(hint) + "\n")
        }
        switch error {
        case .invalidArgument, .databaseFault(_, .notAFile): return ExitCode(64)
        default: return ExitCode(2)
        }
    }
}
