/// The default index, "mean of criteria" (method note §4), as plain arithmetic on rates.
///
///     element index E_e = (1/|A_e|) Σ_{c∈A_e} r_c      A_e = criteria of e with answers
///     SIPAS index   I   = (1/|E*|)  Σ_{e∈E*} E_e       E* = elements with A_e non-empty
///
/// so I = Σ_c w_c r_c with criterion weights w_c = Σ_{e∈E*, c∈A_e} 1 / (|E*| · |A_e|): a criterion
/// in a two-criterion element weighs twice one in a four-criterion element.
///
/// Worked example: elements {c0, c1} and {c2}, rates r = (3/4, 2/3, 2/3):
///
///     E_0 = (3/4 + 2/3) / 2 = 17/24 = 0.708333
///     E_1 = 2/3                     = 0.666667
///     I   = (17/24 + 16/24) / 2     = 33/48 = 0.6875
///     weights w = (1/4, 1/4, 1/2):  3/16 + 1/6 + 1/3 = 11/16 ✓
public enum CriteriaMean {
    /// Element indices from criterion rates (nil = no answers); nil for an element without answers.
    public static func elementIndices(rates: [Double?], shape: CatalogShape) -> [Double?] {
        precondition(rates.count == shape.criterionCount, "one rate per criterion expected")
        return shape.elements.map { criteria in
            let answered = criteria.compactMap { rates[$0] }
            return answered.isEmpty ? nil : answered.reduce(0, +) / Double(answered.count)
        }
    }

    /// The SIPAS index from criterion rates; nil when no element has answers.
    public static func index(rates: [Double?], shape: CatalogShape) -> Double? {
        let elements = elementIndices(rates: rates, shape: shape).compactMap { $0 }
        return elements.isEmpty ? nil : elements.reduce(0, +) / Double(elements.count)
    }

    /// Criterion weights w_c of the SIPAS index, given which criteria have answers
    /// (0 for criteria without answers). They sum to 1 unless nothing was answered.
    public static func weights(answered: [Bool], shape: CatalogShape) -> [Double] {
        precondition(answered.count == shape.criterionCount, "one flag per criterion expected")
        let answeredPerElement = shape.elements.map { $0.filter { answered[$0] } }
        let withAnswers = answeredPerElement.filter { !$0.isEmpty }
        var weights = Array(repeating: 0.0, count: shape.criterionCount)
        for criteria in withAnswers {
            for c in criteria { weights[c] += 1 / (Double(withAnswers.count) * Double(criteria.count)) }
        }
        return weights
    }

    /// Weights of one element's index: 1/|A_e| on its criteria with answers, 0 elsewhere.
    public static func elementWeights(_ element: Int, answered: [Bool], shape: CatalogShape) -> [Double] {
        let criteria = shape.elements[element].filter { answered[$0] }
        var weights = Array(repeating: 0.0, count: shape.criterionCount)
        for c in criteria { weights[c] += 1 / Double(criteria.count) }
        return weights
    }
}
