/// What `sipas rejects` lists: the rows still to fix (or every row, fixed ones with where), personal
/// data masked unless asked for.
public struct RejectList: Sendable, Equatable {
    public var records: [RejectRecord]
    /// How many fixed rows were left out; nil when the list has every row.
    public var resolvedHidden: Int?
}

extension Analyst {
    public func rejects(file: String? = nil, includeResolved: Bool = false,
                        showPersonalData: Bool = false) throws(SIPASError) -> RejectList {
        let every = try database.rejectRecords(file: file, includeResolved: true)
        var records = includeResolved ? every : every.filter { $0.resolvedBy == nil }
        if !showPersonalData { records = records.map { $0.maskingPersonalData() } }
        return RejectList(records: records, resolvedHidden: includeResolved ? nil : every.count - records.count)
    }
}
