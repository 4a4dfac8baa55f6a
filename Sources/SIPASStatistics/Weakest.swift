/// Orders elements or criteria for "weakest first" lists: lowest value first, ties in catalogue
/// order (lower index first); entries without a value are left out.
///
/// Example: rates (0.9, nil, 0.8, 0.9, 0.95) → [2, 0, 3, 4].
public enum Weakest {
    /// Indices of `values`, lowest first.
    public static func order(_ values: [Double?]) -> [Int] {
        values.indices
            .compactMap { i in values[i].map { (i, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map(\.0)
    }

    /// Indices of `estimates`, lowest point estimate first.
    public static func order(_ estimates: [Estimate?]) -> [Int] {
        order(estimates.map { $0?.value })
    }
}
