/// How a set of criterion answers becomes one index (method note §4). Every report names it.
public enum IndexMethod: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Default. Criterion rate r_c = s_c/n_c; element index = plain mean of the rates of its criteria
    /// that have answers; SIPAS index = plain mean of the element indices of elements with answers.
    case criteriaMean = "criteria-mean"
    /// All satisfied answers over all answers: Σ s_c / Σ n_c.
    case pooled = "pooled"
    /// Share of respondents satisfied with every criterion they answered ("toàn diện").
    case allSatisfied = "all-satisfied"
}
