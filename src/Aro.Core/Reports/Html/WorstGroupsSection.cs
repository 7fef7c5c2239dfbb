using System.Text;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>Each model's lowest-accuracy groups per subset, among the included groups with enough cases to mean something.</summary>
internal static class WorstGroupsSection
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets, HtmlReportOptions options)
    {
        html.Append("<section id=\"worst\">\n<h2>Worst groups</h2>\n<p class=\"note\">Per model and subset, the ")
            .Append(HtmlText.Int(options.WorstGroups)).Append(" included groups with the lowest accuracy among those with at least ")
            .Append(HtmlText.Int(options.MinCases)).Append(" cases.</p>\n<div class=\"cards\">\n");
        foreach (var model in models)
        {
            foreach (var subset in subsets)
            {
                if (model.Folder.TablesOf(subset) is not [var table] || table.Groups.Count() < 2)
                {
                    continue;
                }

                var worst = WorstGroups.Of(table, options.WorstGroups, options.MinCases);
                html.Append("<div class=\"card\" data-model=\"").Append(HtmlText.Escape(model.Label)).Append("\" data-subset=\"").Append(HtmlText.Escape(subset))
                    .Append("\">\n<h3><span class=\"swatch\" style=\"background:").Append(model.Color).Append("\"></span>").Append(HtmlText.Escape(model.Label))
                    .Append(" · ").Append(HtmlText.Escape(ReportSubsets.Title(subset))).Append("</h3>\n");
                if (worst.Count == 0)
                {
                    html.Append("<p class=\"note\">No included group has ").Append(HtmlText.Int(options.MinCases)).Append(" cases or more.</p>\n</div>\n");
                    continue;
                }

                html.Append("<table class=\"worst\">\n<thead><tr><th>group</th><th>accuracy</th><th>cases</th></tr></thead>\n<tbody>\n");
                foreach (var group in worst)
                {
                    html.Append("<tr><td>").Append(HtmlText.Escape(group.Group)).Append("</td><td class=\"num\">").Append(HtmlText.Share(group.Accuracy))
                        .Append("</td><td class=\"num\">").Append(HtmlText.Int(group.Count)).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n</div>\n");
            }
        }

        html.Append("</div>\n</section>\n");
    }
}
