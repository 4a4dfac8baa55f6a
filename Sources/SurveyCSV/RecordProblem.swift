/// Something wrong with one record that the reader still delivered.
public enum RecordProblem: Sendable, Equatable {
    /// The final record contains a field that began with a quote which never closed before
    /// the end of the file; the record holds everything up to the end of the file.
    case unterminatedQuote
}
