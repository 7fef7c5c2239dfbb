using System.Globalization;
using System.Text;
using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// The summary: per benchmark, one row per model and one column group per subset (metric of record, micro accuracy,
/// seed mean ± std, cases, skipped), the averages its paper reports over several subsets, then the paper's numbers as
/// rows below. Subsets of no registered benchmark (cases files) get a table of their own.
/// </summary>
internal static class SummarySection
{
    private static readonly string[] SubColumns = ["record", "micro", "seeds ± std", "cases", "skipped"];

    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets)
    {
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n")
            .Append("<p class=\"note\">The metric of record is what each benchmark's paper reports: macro accuracy over the included groups on ")
            .Append("VG-Relation and VG-Attribution, precision@1 (p@1) on the Order subsets, accuracy (acc) on SugarCrepe, the group score (group) on ")
            .Append("Winoground, text-to-image recall@1 of the original captions (t2i@1) on the retrieval subsets; micro accuracy stands beside it. ")
            .Append("Below each accuracy, its 95% interval (Wilson for a proportion, a seeded bootstrap over cases for macro accuracy); ")
            .Append("subsets run with several seeds show the seed mean as the record, and mean ± sample std over the seeds. ")
            .Append("† marks a run that is not the whole official subset (hover for why).</p>\n");
        foreach (var benchmark in BenchmarkRegistry.Benchmarks)
        {
            var columns = subsets.Where(s => benchmark.Subsets.Any(b => b.Name == s)).ToList();
            if (columns.Count > 0)
            {
                WriteTable(html, models, columns, benchmark.Title, benchmark.Published);
                AveragesTable.Write(html, models, benchmark);
            }
        }

        var others = subsets.Where(s => BenchmarkRegistry.BenchmarkOf(s) is null).ToList();
        if (others.Count > 0)
        {
            WriteTable(html, models, others, "Other subsets (cases files)", null);
        }

        html.Append("</section>\n");
    }

    private static void WriteTable(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets, string title, PublishedResults? published)
    {
        html.Append("<h3>").Append(HtmlText.Escape(title)).Append("</h3>\n<div class=\"scroll\"><table class=\"summary\">\n<thead>\n<tr><th rowspan=\"2\">model</th>");
        foreach (var subset in subsets)
        {
            html.Append("<th colspan=\"").Append(HtmlText.Int(SubColumns.Length)).Append("\" class=\"subset\">").Append(HtmlText.Escape(ReportSubsets.Title(subset)))
                .Append(" <span class=\"metric\">").Append(HtmlText.Escape(BenchmarkRegistry.Describe(subset).Metric.Name)).Append("</span></th>");
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

        if (published is not null)
        {
            html.Append("<tr class=\"paper-head\"><th colspan=\"").Append(HtmlText.Int(1 + (subsets.Count * SubColumns.Length)))
                .Append("\">published</th></tr>\n");
            foreach (var anchor in published.Rows)
            {
                WritePaperRow(html, anchor, subsets);
            }
        }

        html.Append("</tbody>\n</table></div>\n");
        if (published is not null)
        {
            html.Append("<p class=\"source\">Published numbers: ").Append(HtmlText.Escape(published.Source)).Append(" ~ marks an approximate value.</p>\n");
        }
    }

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

            // The record carries its 95% interval and, for a run that is not the whole official subset, a mark that
            // says why: a partial number must never stand unmarked beside the paper's.
            html.Append("<td class=\"num record").Append(row.Partial is null ? "" : " partial").Append("\" data-subset=\"").Append(HtmlText.Escape(subset))
                .Append("\" data-value=\"").Append(HtmlText.Data(row.MetricOfRecord)).Append("\">").Append(HtmlText.Share(row.MetricOfRecord));
            if (row.Partial is { } partial)
            {
                html.Append("<sup class=\"mark\" title=\"").Append(HtmlText.Escape(partial)).Append("\">†</sup>");
            }

            if (row.RecordInterval is { } interval)
            {
                html.Append("<br><span class=\"detail ci\">[").Append(HtmlText.Share(interval.Lower)).Append(", ").Append(HtmlText.Share(interval.Upper)).Append("]</span>");
            }

            html.Append("</td><td class=\"num\">").Append(HtmlText.Share(row.MicroAccuracy));
            if (row.MicroInterval is { } micro)
            {
                html.Append("<br><span class=\"detail ci\">[").Append(HtmlText.Share(micro.Lower)).Append(", ").Append(HtmlText.Share(micro.Upper)).Append("]</span>");
            }

            html.Append("</td>");
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
                    .Append(HtmlText.Data(value)).Append("\">").Append(anchor.Approximate ? "~" : "").Append(Published(value)).Append("</td>");
            }
            else
            {
                html.Append("<td class=\"missing\">—</td>");
            }

            html.Append("<td colspan=\"").Append(HtmlText.Int(SubColumns.Length - 1)).Append("\"></td>");
        }

        html.Append("</tr>\n");
    }

    /// <summary>A published share with the digits its paper gives (ARO's two, SugarCrepe's three).</summary>
    public static string Published(double value) => value.ToString("0.00#", CultureInfo.InvariantCulture);
}
