import Foundation

/// A progress bar on stderr for large files, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    static let shared = ProgressBar()
    private let lock = NSLock()
    private var lastDrawn = -1
    private var drawn = false

    func update(_ done: Int, _ total: Int) {
        guard total > 8 << 20 else { return }   // small files finish before a bar helps
        let percent = min(100, done * 100 / max(total, 1))
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        drawn = true
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Output.err("\r\(bar) \(percent)%")
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { Output.err("\r\u{1B}[2K") }
        drawn = false
        lastDrawn = -1
    }
}
