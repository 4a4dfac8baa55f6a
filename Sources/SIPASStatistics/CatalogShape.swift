/// The part of a criteria catalogue the statistics need: how many criteria there are and which
/// criteria (by index `0..<criterionCount`, in catalogue order) make up each element.
///
/// Codes and labels live elsewhere; here an element is its position in `elements`.
public struct CatalogShape: Sendable, Equatable, Hashable, Codable {
    /// Criterion indices per element, elements in catalogue order.
    public var elements: [[Int]]
    public var criterionCount: Int

    public init(elements: [[Int]], criterionCount: Int) {
        self.elements = elements
        self.criterionCount = criterionCount
    }

    /// True when every element lists at least one criterion and every index is in `0..<criterionCount`.
    public var isValid: Bool {
        criterionCount >= 0
            && elements.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0..<criterionCount).contains($0) } }
    }
}
