using System.Text;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// The Order subsets' per-perturbation diagnostics: when a model prefers a perturbed caption to the original, which
/// perturbation won (chart and table), and how often a perturbation left the caption unchanged (an exact tie,
/// which counts correct).
/// </summary>
internal static class OrderDiagnosticsSection
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets)
    {
        var found = subsets
            .Select(s => (Subset: s, PerModel: models.Select(m => PerturbationDiagnostics.From(m.Folder.DiagnosticsOf(s))).ToList()))
            .Where(x => x.PerModel.Any(d => d.Count > 0))
            .ToList();
        if (found.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"order\">\n<h2>Order: which perturbation wins when the model is wrong</h2>\n")
            .Append("<p class=\"note\">Share of the wrong cases won by each perturbation (0.25 if errors were spread evenly), and how often ")
            .Append("a perturbation is string-identical to the original caption (an exact tie, which counts correct). With several ")
            .Append("seeds, counts are summed and shares averaged over the seeds.</p>\n");
        Legend.Write(html, models);
        foreach (var (subset, perModel) in found)
        {
            var title = ReportSubsets.Title(subset);
            var names = perModel.SelectMany(d => d.Select(p => p.Perturbation)).Distinct(StringComparer.Ordinal).ToList();
            html.Append("<h3 id=\"order-").Append(HtmlText.Escape(subset)).Append("\">").Append(HtmlText.Escape(title)).Append("</h3>\n<figure>");
            SvgBarChart.Render(html, new BarChart(
                "order:" + subset,
                $"{title}: share of wrong cases won by each perturbation",
                [.. models.Select(m => new ChartSeries(m.Label, m.Color))],
                [.. names.Select(name => new ChartRow(name, [.. perModel.Select(d => d.FirstOrDefault(p => p.Perturbation == name) is { } p
                    ? new ChartBar(p.WinsShare, p.WinsWhenWrong)
                    : null)]))],
                0.25,
                "even 0.25"));
            html.Append("</figure>\n");
            WriteTable(html, models, perModel, subset);
        }

        html.Append("</section>\n");
    }

    private static void WriteTable(StringBuilder html, IReadOnlyList<ReportModel> models, List<IReadOnlyList<PerturbationDiagnostic>> perModel, string subset)
    {
        html.Append("<table class=\"diagnostics\" data-subset=\"").Append(HtmlText.Escape(subset)).Append("\">\n<thead><tr><th>model</th><th>runs</th>")
            .Append("<th>perturbation</th><th>wins when wrong</th><th>share of wrong</th><th>identical to original</th><th>share of cases</th></tr></thead>\n<tbody>\n");
        for (var m = 0; m < models.Count; m++)
        {
            foreach (var p in perModel[m])
            {
                html.Append("<tr data-model=\"").Append(HtmlText.Escape(models[m].Label)).Append("\"><th scope=\"row\">").Append(HtmlText.Escape(models[m].Label))
                    .Append("</th><td class=\"num\">").Append(HtmlText.Int(p.Runs))
                    .Append("</td><td>").Append(HtmlText.Escape(p.Perturbation))
                    .Append("</td><td class=\"num\">").Append(HtmlText.Int(p.WinsWhenWrong))
                    .Append("</td><td class=\"num\">").Append(HtmlText.Share(p.WinsShare))
                    .Append("</td><td class=\"num").Append(p.Identical > 0 ? " warn" : "").Append("\">").Append(HtmlText.Int(p.Identical))
                    .Append("</td><td class=\"num\">").Append(HtmlText.Share(p.IdenticalShare)).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
    }
}
