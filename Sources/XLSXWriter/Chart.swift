internal import CXlsxWriter

/// A native Excel chart described as values: series read their numbers from ranges of a sheet, so
/// Excel and LibreOffice draw them from the cells (change a cell, the chart follows).
public struct Chart: Sendable {
    public enum Kind: Sendable { case line, column }

    public struct Series: Sendable {
        public enum Look: Sendable {
            /// Points only, no line between them (values of separate categories).
            case markers(color: UInt32)
            /// A line with round markers.
            case line(color: UInt32)
            /// A dashed line without markers (a target).
            case dashed(color: UInt32)
            case columns(color: UInt32)
        }

        public var name: String
        public var sheet: String
        public var categories: CellRange
        public var values: CellRange
        public var look: Look
        /// Each point labelled with its value in this number format.
        public var labels: String?

        public init(name: String, sheet: String, categories: CellRange, values: CellRange, look: Look,
                    labels: String? = nil) {
            self.name = name
            self.sheet = sheet
            self.categories = categories
            self.values = values
            self.look = look
            self.labels = labels
        }
    }

    public var kind: Kind
    public var title: String
    public var series: [Series]
    public var xAxisName: String?
    public var yAxisName: String?
    public var yNumberFormat: String?
    public var yMinimum: Double?
    public var yMaximum: Double?
    public var widthScale = 1.6
    public var heightScale = 1.3

    public init(kind: Kind, title: String, series: [Series], xAxisName: String? = nil, yAxisName: String? = nil,
                yNumberFormat: String? = nil, yMinimum: Double? = nil, yMaximum: Double? = nil) {
        self.kind = kind
        self.title = title
        self.series = series
        self.xAxisName = xAxisName
        self.yAxisName = yAxisName
        self.yNumberFormat = yNumberFormat
        self.yMinimum = yMinimum
        self.yMaximum = yMaximum
    }

    /// Markers of one colour, filled and outlined.
    private static func setMarkers(_ series: UnsafeMutablePointer<lxw_chart_series>, _ type: lxw_chart_marker_type,
                                   size: UInt8, color: UInt32) {
        chart_series_set_marker_type(series, UInt8(type.rawValue))
        chart_series_set_marker_size(series, size)
        var fill = lxw_chart_fill()
        fill.color = color
        chart_series_set_marker_fill(series, &fill)
        var border = lxw_chart_line()
        border.color = color
        chart_series_set_marker_line(series, &border)
    }

    func make(in workbook: XLSXWorkbook) throws(WorkbookError) -> UnsafeMutablePointer<lxw_chart> {
        let type = kind == .line ? LXW_CHART_LINE : LXW_CHART_COLUMN
        guard let chart = workbook.chart(UInt8(type.rawValue)) else { throw WorkbookError("chart '\(title)' not made") }
        chart_title_set_name(chart, CellText.xmlSafe(title))
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        for s in series {
            guard let series = chart_add_series(chart, nil, nil) else { throw WorkbookError("chart '\(title)': series") }
            let c = s.categories, v = s.values
            chart_series_set_categories(series, s.sheet, lxw_row_t(c.firstRow), lxw_col_t(c.firstColumn),
                                        lxw_row_t(c.lastRow), lxw_col_t(c.lastColumn))
            chart_series_set_values(series, s.sheet, lxw_row_t(v.firstRow), lxw_col_t(v.firstColumn),
                                    lxw_row_t(v.lastRow), lxw_col_t(v.lastColumn))
            chart_series_set_name(series, CellText.xmlSafe(s.name))
            var line = lxw_chart_line()
            switch s.look {
            case let .markers(color):
                line.none = 1
                chart_series_set_line(series, &line)
                Self.setMarkers(series, LXW_CHART_MARKER_DIAMOND, size: 10, color: color)
            case let .line(color):
                line.color = color
                line.width = 2.25
                chart_series_set_line(series, &line)
                Self.setMarkers(series, LXW_CHART_MARKER_CIRCLE, size: 6, color: color)
            case let .dashed(color):
                line.color = color
                line.width = 2
                line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
                chart_series_set_line(series, &line)
                chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_NONE.rawValue))
            case let .columns(color):
                var fill = lxw_chart_fill()
                fill.color = color
                chart_series_set_fill(series, &fill)
            }
            if let labels = s.labels {
                chart_series_set_labels(series)
                chart_series_set_labels_num_format(series, labels)
                chart_series_set_labels_position(series, UInt8(LXW_CHART_LABEL_POSITION_ABOVE.rawValue))
            }
        }
        if let name = xAxisName { chart_axis_set_name(chart.pointee.x_axis, CellText.xmlSafe(name)) }
        if let name = yAxisName { chart_axis_set_name(chart.pointee.y_axis, CellText.xmlSafe(name)) }
        if let format = yNumberFormat { chart_axis_set_num_format(chart.pointee.y_axis, format) }
        if let min = yMinimum { chart_axis_set_min(chart.pointee.y_axis, min) }
        if let max = yMaximum { chart_axis_set_max(chart.pointee.y_axis, max) }
        return chart
    }
}
