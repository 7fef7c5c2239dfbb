using System.Text;
using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Winoground;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// Winoground's three scores per model beside the paper's (chance and CLIP ViT-B/32): text (each image prefers its own
/// caption), image (each caption prefers its own image) and group (both), as a chart and per collapsed tag in a table.
/// </summary>
internal static class PairMatchingSection
{
    /// <summary>Published bars: light grey for chance, darker for CLIP ViT-B/32 (in <see cref="WinogroundBenchmark.PublishedScores"/> order).</summary>
    private static readonly string[] PaperColors = ["#d0d0d0", "#8c8c8c"];

    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets)
    {
        var found = subsets
            .Where(s => BenchmarkRegistry.Describe(s) is PairMatchingSubset)
            .Select(s => (Subset: s, PerModel: models.Select(m => Read(m, s)).ToList()))
            .Where(x => x.PerModel.Any(rows => rows.Count > 0))
            .ToList();
        if (found.Count == 0)
        {
            return;
        }

        var anchors = WinogroundBenchmark.PublishedScores;
        html.Append("<section id=\"pair-matching\">\n<h2>Winoground: text, image and group scores</h2>\n")
            .Append("<p class=\"note\">Text score: both images score their own caption strictly higher than the other; image score: both ")
            .Append("captions score their own image strictly higher; group score: both (the metric of record). Grey bars are the published ")
            .Append("numbers (Thrush et al., CVPR 2022): light for chance, dark for CLIP ViT-B/32 (text 0.3075, image 0.105, group 0.08).</p>\n");
        Legend.Write(html, models);
        foreach (var (subset, perModel) in found)
        {
            var title = ReportSubsets.Title(subset);
            var series = models.Select(m => new ChartSeries(m.Label, m.Color)).Concat(anchors.Select((a, i) => new ChartSeries($"{a.Model} (paper)", PaperColors[i % PaperColors.Length]))).ToList();
            var scores = new (string Label, Func<PairScoresLine, double> Value, Func<WinogroundAnchor, double> Paper)[]
            {
                ("text score", r => r.Text, a => a.Text),
                ("image score", r => r.Image, a => a.Image),
                ("group score", r => r.GroupScore, a => a.Group),
            };
            html.Append("<h3 id=\"pairs-").Append(HtmlText.Escape(subset)).Append("\">").Append(HtmlText.Escape(title)).Append("</h3>\n<figure>");
            SvgBarChart.Render(html, new BarChart(
                "pairs:" + subset,
                $"{title}: text, image and group score",
                series,
                [.. scores.Select(score => new ChartRow(score.Label, [
                    .. perModel.Select(rows => rows.FirstOrDefault() is { } all ? new ChartBar(score.Value(all), all.Count) : null),
                    .. anchors.Select(a => (ChartBar?)new ChartBar(score.Paper(a), WinogroundBenchmark.Subset.OfficialCases ?? 0)),
                ]))],
                null,
                ""));
            html.Append("</figure>\n");
            WriteTable(html, models, perModel, subset);
        }

        html.Append("</section>\n");
    }

    /// <summary>A published share with the digits the paper gives (30.75, 10.5, 8.0 as percentages).</summary>
    private static string Published(double value) => value.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<PairScoresLine> Read(ReportModel model, string subset)
    {
        var path = Path.Combine(model.Folder.Directory, ResultFiles.Scores(subset));
        return model.Folder.Row(subset) is not null && File.Exists(path) ? PairScoresCsvReader.Read(path) : [];
    }

    private static void WriteTable(StringBuilder html, IReadOnlyList<ReportModel> models, List<IReadOnlyList<PairScoresLine>> perModel, string subset)
    {
        html.Append("<table class=\"pair-scores\" data-subset=\"").Append(HtmlText.Escape(subset)).Append("\">\n<thead><tr><th>model</th><th>group</th>")
            .Append("<th>instances</th><th>text</th><th>image</th><th>group score</th></tr></thead>\n<tbody>\n");
        for (var m = 0; m < models.Count; m++)
        {
            foreach (var row in perModel[m])
            {
                html.Append("<tr data-model=\"").Append(HtmlText.Escape(models[m].Label)).Append("\"><th scope=\"row\">").Append(HtmlText.Escape(models[m].Label))
                    .Append("</th><td>").Append(HtmlText.Escape(row.Group)).Append("</td><td class=\"num\">").Append(HtmlText.Int(row.Count))
                    .Append("</td><td class=\"num\">").Append(HtmlText.Share(row.Text)).Append("</td><td class=\"num\">").Append(HtmlText.Share(row.Image))
                    .Append("</td><td class=\"num\">").Append(HtmlText.Share(row.GroupScore)).Append("</td></tr>\n");
            }
        }

        foreach (var anchor in WinogroundBenchmark.PublishedScores)
        {
            html.Append("<tr class=\"paper\" data-anchor=\"").Append(HtmlText.Escape(anchor.Model)).Append("\"><th scope=\"row\" title=\"").Append(HtmlText.Escape(anchor.Note))
                .Append("\">").Append(HtmlText.Escape(anchor.Model)).Append(" (paper)</th><td>all</td><td class=\"num\">")
                .Append(HtmlText.Int(WinogroundBenchmark.Subset.OfficialCases ?? 0)).Append("</td><td class=\"num\">").Append(Published(anchor.Text))
                .Append("</td><td class=\"num\">").Append(Published(anchor.Image)).Append("</td><td class=\"num\">")
                .Append(Published(anchor.Group)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
