/// The language of everything a person reads. Vietnamese by default.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// Picks the Vietnamese or the English text.
    @inlinable
    public func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}
