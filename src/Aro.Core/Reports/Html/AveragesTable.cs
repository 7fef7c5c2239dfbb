using System.Text;
using Aro.Core.Benchmarks;

namespace Aro.Core.Reports.Html;

/// <summary>
/// A benchmark's averages over several subsets (SugarCrepe's replace, swap, add) per model, beside the paper's: the
/// unweighted mean of the member subsets' metric of record, shown only where every member was evaluated.
/// </summary>
internal static class AveragesTable
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, BenchmarkDefinition benchmark)
    {
        if (benchmark.Averages.Count == 0)
        {
            return;
        }

        html.Append("<table class=\"summary averages\" data-benchmark=\"").Append(HtmlText.Escape(benchmark.Name)).Append("\">\n<thead><tr><th>model</th>");
        foreach (var average in benchmark.Averages)
        {
            html.Append("<th title=\"mean of ").Append(HtmlText.Escape(string.Join(", ", average.Subsets))).Append("\">")
                .Append(HtmlText.Escape(average.Title)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var model in models)
        {
            html.Append("<tr class=\"model\" data-model=\"").Append(HtmlText.Escape(model.Label)).Append("\"><th scope=\"row\">").Append(HtmlText.Escape(model.Label)).Append("</th>");
            foreach (var average in benchmark.Averages)
            {
                var value = average.Of(subset => model.Folder.Row(subset)?.MetricOfRecord);
                var partial = string.Join("; ", average.Subsets.Select(s => model.Folder.Row(s)?.Partial is { } p ? $"{s}: {p}" : null).OfType<string>());
                var mark = partial.Length > 0 ? $"<sup class=\"mark\" title=\"{HtmlText.Escape(partial)}\">†</sup>" : "";
                html.Append(value is { } v
                    ? $"<td class=\"num{(partial.Length > 0 ? " partial" : "")}\" data-average=\"{HtmlText.Escape(average.Name)}\" data-value=\"{HtmlText.Data(v)}\">{HtmlText.Share(v)}{mark}</td>"
                    : "<td class=\"missing\">—</td>");
            }

            html.Append("</tr>\n");
        }

        foreach (var anchor in benchmark.Published.Rows)
        {
            html.Append("<tr class=\"paper\" data-anchor=\"").Append(HtmlText.Escape(anchor.Model)).Append("\"><th scope=\"row\">").Append(HtmlText.Escape(anchor.Model)).Append("</th>");
            foreach (var average in benchmark.Averages)
            {
                var value = average.Of(anchor.For);
                html.Append(value is { } v ? $"<td class=\"num\">{SummarySection.Published(v)}</td>" : "<td class=\"missing\">—</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
