/// Something wrong with one record that the reader still delivered.
public enum RecordProblem: Sendable, Equatable {
    /// The final record contains a field that began with a quote which never closed before
    /// the end of the file; the record holds everything up to the end of the file.
    case unterminatedQuote
    // Found in workbooks (SurveyXLSX); `column` is 0-based.
    /// An error value such as `#N/A` in a cell.
    case errorCell(column: Int, value: String)
    /// A formula whose result the workbook did not save.
    case formulaWithoutValue(column: Int)
    /// A date cell that may have had its day and month swapped by a spreadsheet (see `DateRule`).
    case ambiguousDate(column: Int, value: String)
    /// A procedure code that arrived as a number and cannot be restored with certainty.
    case codeAsNumber(column: Int, value: String)
    /// A long digit string (an id) that a spreadsheet turned into a number or `1.23E+11`.
    case digitsAsNumber(column: Int, value: String)
}
