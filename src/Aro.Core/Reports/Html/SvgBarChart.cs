using System.Text;

namespace Aro.Core.Reports.Html;

/// <summary>
/// Draws a <see cref="BarChart"/> as inline SVG: one row per category with a bar per series, an axis from 0 to 1,
/// and a dashed reference line. Horizontal bars keep long relation names readable and let the chart grow with
/// the number of groups. Every bar is a <c>rect class="bar"</c> carrying its series, group, value and count as
/// data attributes, with a tooltip.
/// </summary>
internal static class SvgBarChart
{
    private const double Width = 960;
    private const double ValueLabelWidth = 52;
    private const double BarHeight = 10;
    private const double BarGap = 1;
    private const double RowGap = 7;
    private const double Top = 26;
    private const double Bottom = 18;
    private const int MaxLabelChars = 32;

    public static void Render(StringBuilder html, BarChart chart)
    {
        var labelWidth = Math.Clamp(12 + (6.4 * chart.Rows.Select(r => Math.Min(r.Label.Length, MaxLabelChars)).DefaultIfEmpty(0).Max()), 90, 240);
        var plot = Width - labelWidth - ValueLabelWidth;
        var rowHeight = (chart.Series.Count * (BarHeight + BarGap)) + RowGap;
        var height = Top + (chart.Rows.Count * rowHeight) + Bottom;
        double X(double value) => labelWidth + (Math.Clamp(value, 0, 1) * plot);

        html.Append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" data-chart=\"").Append(HtmlText.Escape(chart.Id))
            .Append("\" width=\"").Append(HtmlText.Coord(Width)).Append("\" height=\"").Append(HtmlText.Coord(height))
            .Append("\" viewBox=\"0 0 ").Append(HtmlText.Coord(Width)).Append(' ').Append(HtmlText.Coord(height))
            .Append("\" aria-label=\"").Append(HtmlText.Escape(chart.Caption)).Append("\">\n");
        html.Append("<title>").Append(HtmlText.Escape(chart.Caption)).Append("</title>\n");
        foreach (var tick in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            var x = HtmlText.Coord(X(tick));
            html.Append("<line class=\"grid\" x1=\"").Append(x).Append("\" y1=\"").Append(HtmlText.Coord(Top - 4))
                .Append("\" x2=\"").Append(x).Append("\" y2=\"").Append(HtmlText.Coord(height - Bottom)).Append("\"/>")
                .Append("<text class=\"tick\" x=\"").Append(x).Append("\" y=\"").Append(HtmlText.Coord(Top - 8))
                .Append("\" text-anchor=\"middle\">").Append(HtmlText.Coord(tick)).Append("</text>\n");
        }

        for (var row = 0; row < chart.Rows.Count; row++)
        {
            RenderRow(html, chart, chart.Rows[row], Top + (row * rowHeight) + (RowGap / 2), labelWidth, X);
        }

        if (chart.Reference is { } reference)
        {
            var x = HtmlText.Coord(X(reference));
            html.Append("<line class=\"reference\" x1=\"").Append(x).Append("\" y1=\"").Append(HtmlText.Coord(Top - 4))
                .Append("\" x2=\"").Append(x).Append("\" y2=\"").Append(HtmlText.Coord(height - Bottom + 4)).Append("\"/>")
                .Append("<text class=\"reference-label\" x=\"").Append(HtmlText.Coord(X(reference) + 3)).Append("\" y=\"").Append(HtmlText.Coord(height - 5))
                .Append("\">").Append(HtmlText.Escape(chart.ReferenceLabel)).Append("</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static void RenderRow(StringBuilder html, BarChart chart, ChartRow row, double y, double labelWidth, Func<double, double> x)
    {
        var label = row.Label.Length > MaxLabelChars ? row.Label[..(MaxLabelChars - 1)] + "…" : row.Label;
        var middle = y + (chart.Series.Count * (BarHeight + BarGap) / 2);
        html.Append("<g class=\"row\"><title>").Append(HtmlText.Escape(row.Label)).Append("</title>")
            .Append("<text class=\"label\" x=\"").Append(HtmlText.Coord(labelWidth - 6)).Append("\" y=\"").Append(HtmlText.Coord(middle))
            .Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").Append(HtmlText.Escape(label)).Append("</text></g>\n");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var top = y + (s * (BarHeight + BarGap));
            var series = chart.Series[s];
            if (row.Bars[s] is not { } bar)
            {
                html.Append("<text class=\"absent\" x=\"").Append(HtmlText.Coord(labelWidth + 3)).Append("\" y=\"").Append(HtmlText.Coord(top + (BarHeight / 2)))
                    .Append("\" dominant-baseline=\"middle\">—<title>").Append(HtmlText.Escape(series.Label)).Append(" has no such group</title></text>\n");
                continue;
            }

            var end = x(bar.Value);
            html.Append(bar.Included ? "<rect class=\"bar\" x=\"" : "<rect class=\"bar excluded\" x=\"").Append(HtmlText.Coord(labelWidth)).Append("\" y=\"").Append(HtmlText.Coord(top))
                .Append("\" width=\"").Append(HtmlText.Coord(end - labelWidth)).Append("\" height=\"").Append(HtmlText.Coord(BarHeight))
                .Append("\" fill=\"").Append(bar.Included ? series.Color : "#d9d9d9").Append("\" stroke=\"").Append(series.Color)
                .Append("\" data-series=\"").Append(HtmlText.Escape(series.Label))
                .Append("\" data-group=\"").Append(HtmlText.Escape(row.Label))
                .Append("\" data-value=\"").Append(HtmlText.Data(bar.Value))
                .Append("\" data-count=\"").Append(HtmlText.Int(bar.Count))
                .Append("\" data-included=\"").Append(bar.Included ? "true" : "false").Append("\">")
                .Append("<title>").Append(HtmlText.Escape(series.Label)).Append(" · ").Append(HtmlText.Escape(row.Label)).Append(": ")
                .Append(HtmlText.Share(bar.Value)).Append(" (").Append(HtmlText.Int(bar.Count)).Append(" cases").Append(bar.Included ? "" : ", excluded from the metric here").Append(")</title></rect>")
                .Append("<text class=\"value\" x=\"").Append(HtmlText.Coord(end + 3)).Append("\" y=\"").Append(HtmlText.Coord(top + (BarHeight / 2)))
                .Append("\" dominant-baseline=\"middle\">").Append(HtmlText.Share(bar.Value)).Append("</text>\n");
        }
    }
}
