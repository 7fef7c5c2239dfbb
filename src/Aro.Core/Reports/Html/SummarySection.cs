using System.Text;
using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Metrics;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// The summary table: one row per model, one column group per subset (metric of record, micro accuracy, seed
/// mean ± std, cases, skipped), then the paper's numbers as rows below.
/// </summary>
internal static class SummarySection
{
    private static readonly string[] SubColumns = ["record", "micro", "seeds ± std", "cases", "skipped"];

    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets)
    {
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n")
            .Append("<p class=\"note\">The metric of record is what the paper reports: macro accuracy over the included groups on ")
            .Append("VG-Relation and VG-Attribution, precision@1 (p@1) on the Order subsets; micro accuracy stands beside it. ")
            .Append("Order subsets run with several seeds show the seed mean as the record, and mean ± sample std over the seeds.</p>\n")
            .Append("<div class=\"scroll\"><table class=\"summary\">\n<thead>\n<tr><th rowspan=\"2\">model</th>");
        foreach (var subset in subsets)
        {
            html.Append("<th colspan=\"").Append(HtmlText.Int(SubColumns.Length)).Append("\" class=\"subset\">").Append(HtmlText.Escape(ReportSubsets.Title(subset)))
                .Append(" <span class=\"metric\">").Append(HtmlText.Escape(MetricNames.Of(MetricOf(subset)))).Append("</span></th>");
        }

        html.Append("</tr>\n<tr>");
        foreach (var _ in subsets)
        {
            foreach (var column in SubColumns)
            {
                html.Append("<th class=\"sub\">").Append(HtmlText.Escape(column)).Append("</th>");
            }
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var model in models)
        {
            WriteModelRow(html, model, subsets);
        }

        html.Append("<tr class=\"paper-head\"><th colspan=\"").Append(HtmlText.Int(1 + (subsets.Count * SubColumns.Length)))
            .Append("\">published (Yuksekgonul et al., ICLR 2023)</th></tr>\n");
        foreach (var anchor in PaperAnchors.All)
        {
            WritePaperRow(html, anchor, subsets);
        }

        html.Append("</tbody>\n</table></div>\n<p class=\"source\">Published numbers: ").Append(HtmlText.Escape(PaperAnchors.Source))
            .Append(" ~ marks an approximate value.</p>\n</section>\n");
    }

    private static MetricOfRecord MetricOf(string subset) => SubsetRegistry.Find(subset)?.Metric ?? MetricOfRecord.MacroOverGroups;

    private static void WriteModelRow(StringBuilder html, ReportModel model, IReadOnlyList<string> subsets)
    {
        var provenance = model.Folder.Provenance;
        html.Append("<tr class=\"model\" data-model=\"").Append(HtmlText.Escape(model.Label)).Append("\"><th scope=\"row\">")
            .Append("<span class=\"swatch\" style=\"background:").Append(model.Color).Append("\"></span>").Append(HtmlText.Escape(model.Label));
        var details = new[] { provenance?.ModelFamily, provenance?.ModelScoring }.Where(d => !string.IsNullOrEmpty(d)).ToList();
        if (details.Count > 0)
        {
            html.Append("<br><span class=\"detail\">").Append(HtmlText.Escape(string.Join(" · ", details))).Append("</span>");
        }

        html.Append("</th>");
        foreach (var subset in subsets)
        {
            if (model.Folder.Row(subset) is not { } row)
            {
                for (var i = 0; i < SubColumns.Length; i++)
                {
                    html.Append("<td class=\"missing\">—</td>");
                }

                continue;
            }

            html.Append("<td class=\"num record\" data-subset=\"").Append(HtmlText.Escape(subset)).Append("\" data-value=\"")
                .Append(HtmlText.Data(row.MetricOfRecord)).Append("\">").Append(HtmlText.Share(row.MetricOfRecord)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlText.Share(row.MicroAccuracy)).Append("</td>");
            if (model.Folder.SeedsOf(subset) is { } seeds)
            {
                html.Append("<td class=\"num seeds\" title=\"seeds ").Append(HtmlText.Escape(string.Join(", ", seeds.Seeds.Select(HtmlText.Int)))).Append("\">")
                    .Append(HtmlText.Share(seeds.Mean(row))).Append(" ± ").Append(HtmlText.Share(seeds.Std(row)))
                    .Append("<br><span class=\"detail\">").Append(HtmlText.Int(seeds.Seeds.Count)).Append(" seeds</span></td>");
            }
            else
            {
                html.Append("<td class=\"missing\">—</td>");
            }

            html.Append("<td class=\"num\">").Append(HtmlText.Int(row.Samples)).Append("</td>")
                .Append("<td class=\"num").Append(row.Skipped > 0 ? " warn" : "").Append("\">").Append(HtmlText.Int(row.Skipped)).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static void WritePaperRow(StringBuilder html, PaperAnchor anchor, IReadOnlyList<string> subsets)
    {
        html.Append("<tr class=\"paper\" data-anchor=\"").Append(HtmlText.Escape(anchor.Model)).Append("\"><th scope=\"row\" title=\"")
            .Append(HtmlText.Escape(anchor.Note)).Append("\">").Append(HtmlText.Escape(anchor.Model)).Append("</th>");
        foreach (var subset in subsets)
        {
            if (anchor.For(subset) is { } value)
            {
                html.Append("<td class=\"num record\" data-subset=\"").Append(HtmlText.Escape(subset)).Append("\" data-value=\"")
                    .Append(HtmlText.Data(value)).Append("\">").Append(anchor.Approximate ? "~" : "")
                    .Append(value.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)).Append("</td>");
            }
            else
            {
                html.Append("<td class=\"missing\">—</td>");
            }

            html.Append("<td colspan=\"").Append(HtmlText.Int(SubColumns.Length - 1)).Append("\"></td>");
        }

        html.Append("</tr>\n");
    }
}
