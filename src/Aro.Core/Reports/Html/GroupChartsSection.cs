using System.Text;
using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// Per-group accuracy (per relation, per attribute pair): for each subset with more than one group, a grouped bar
/// chart of the groups that count toward the metric, a note on those that do not, and the full table folded away.
/// </summary>
internal static class GroupChartsSection
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets)
    {
        var charted = subsets.Where(s => models.Any(m => SingleTable(m, s) is { } t && t.Groups.Count() > 1)).ToList();
        html.Append("<section id=\"groups\">\n<h2>Accuracy per group</h2>\n");
        if (charted.Count == 0)
        {
            html.Append("<p class=\"note\">No subset in these results has more than one group.</p>\n</section>\n");
            return;
        }

        Legend.Write(html, models);
        foreach (var subset in charted)
        {
            WriteSubset(html, models, subset);
        }

        html.Append("</section>\n");
    }

    /// <summary>The subset's one group table, or null (absent, or one per seed: Order subsets, whose one group is the subset).</summary>
    private static GroupTable? SingleTable(ReportModel model, string subset) =>
        model.Folder.TablesOf(subset) is [var table] ? table : null;

    private static void WriteSubset(StringBuilder html, IReadOnlyList<ReportModel> models, string subset)
    {
        var tables = models.Select(m => SingleTable(m, subset)?.Groups.ToDictionary(g => g.Group, StringComparer.Ordinal)).ToList();
        var included = tables.SelectMany(t => t?.Values ?? Enumerable.Empty<GroupRow>()).Where(g => g.Included).Select(g => g.Group)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var title = ReportSubsets.Title(subset);
        html.Append("<h3 id=\"groups-").Append(HtmlText.Escape(subset)).Append("\">").Append(HtmlText.Escape(title)).Append("</h3>\n");
        if (included.Count > 0)
        {
            var chart = new BarChart(
                subset,
                $"{title}: accuracy per included group",
                [.. models.Select(m => new ChartSeries(m.Label, m.Color))],
                [.. included.Select(group => new ChartRow(group, [.. tables.Select(t => t is not null && t.TryGetValue(group, out var row)
                    ? new ChartBar(row.Accuracy, row.Count, row.Included)
                    : null)]))],
                ReportSubsets.Chance(subset),
                ReportSubsets.Chance(subset) is { } chance ? $"chance {HtmlText.Share(chance)}" : "");
            html.Append("<figure>");
            SvgBarChart.Render(html, chart);
            html.Append("</figure>\n");
        }
        else
        {
            html.Append("<p class=\"note\">No group of this subset counts toward the metric.</p>\n");
        }

        var outside = models.Select((m, i) => (Model: m, Excluded: tables[i]?.Values.Count(g => !g.Included) ?? 0, Total: tables[i]?.Count ?? 0))
            .Where(x => x.Total > 0)
            .Select(x => $"{x.Model.Label}: {HtmlText.Int(x.Excluded)} of {HtmlText.Int(x.Total)}");
        html.Append("<p class=\"note\">Not charted: ").Append(HtmlText.Escape(ExcludedDescription(subset))).Append(" (")
            .Append(HtmlText.Escape(string.Join("; ", outside))).Append("). Grey bars mark a charted group that one model's results exclude. ")
            .Append("Every group is in the table below.</p>\n");
        WriteTable(html, models, tables, subset);
    }

    private static string ExcludedDescription(string subset) => BenchmarkRegistry.Describe(subset).GroupFilter.Description;

    private static void WriteTable(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<Dictionary<string, GroupRow>?> tables, string subset)
    {
        var groups = tables.SelectMany(t => t?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        html.Append("<details><summary>All ").Append(HtmlText.Int(groups.Count)).Append(" groups of ").Append(HtmlText.Escape(ReportSubsets.Title(subset)))
            .Append("</summary>\n<table class=\"groups\" data-subset=\"").Append(HtmlText.Escape(subset)).Append("\">\n<thead><tr><th>group</th>");
        foreach (var model in models)
        {
            html.Append("<th>").Append(HtmlText.Escape(model.Label)).Append("</th><th>cases</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var group in groups)
        {
            html.Append("<tr><th scope=\"row\">").Append(HtmlText.Escape(group)).Append("</th>");
            foreach (var table in tables)
            {
                if (table is not null && table.TryGetValue(group, out var row))
                {
                    html.Append("<td class=\"num").Append(row.Included ? "" : " excluded").Append("\">").Append(HtmlText.Share(row.Accuracy))
                        .Append(row.Included ? "" : " <span class=\"detail\">excluded</span>").Append("</td><td class=\"num\">")
                        .Append(HtmlText.Int(row.Count)).Append("</td>");
                }
                else
                {
                    html.Append("<td class=\"missing\">—</td><td class=\"missing\">—</td>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</details>\n");
    }
}
