using System.Text;
using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// The retrieval experiment at a glance: per retrieval subset, text-to-image and image-to-text R@1 of every
/// perturbation beside the original captions (the first row), one bar per model — the paper's point is that the
/// perturbed rows stay close to the original — then every recall in a table. Several seeds show their mean.
/// </summary>
internal static class RetrievalSection
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, IReadOnlyList<string> subsets)
    {
        var found = subsets
            .Where(s => BenchmarkRegistry.Describe(s) is RetrievalSubset)
            .Select(s => (Subset: s, PerModel: models.Select(m => Read(m, s)).ToList()))
            .Where(x => x.PerModel.Any(rows => rows.Count > 0))
            .ToList();
        if (found.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"retrieval\">\n<h2>Retrieval: recall with shuffled words</h2>\n")
            .Append("<p class=\"note\">Recall@1 of every perturbation beside the original captions (<code>none</code>, first): the ARO paper's ")
            .Append("point is that shuffling the words of a caption barely changes retrieval, so contrastive training has little reason to learn ")
            .Append("word order. Text-to-image R@k is the share of captions whose own image is among the first k images (the ARO code's ")
            .Append("ImagePrec@k); image-to-text R@k the share of images with one of their captions among the first k texts (TextPrec@k); R@10 ")
            .Append("is BLIP's and CLIP_benchmark's addition. Ties rank the lower index first. With several seeds, bars and rows show the mean.</p>\n");
        Legend.Write(html, models);
        foreach (var (subset, perModel) in found)
        {
            var title = ReportSubsets.Title(subset);
            var names = perModel.SelectMany(rows => rows.Select(r => r.Perturbation)).Distinct(StringComparer.Ordinal).ToList();
            html.Append("<h3 id=\"retrieval-").Append(HtmlText.Escape(subset)).Append("\">").Append(HtmlText.Escape(title)).Append("</h3>\n");
            foreach (var (direction, label) in new[] { (1, "text-to-image R@1"), (0, "image-to-text R@1") })
            {
                html.Append("<h4>").Append(HtmlText.Escape(label)).Append("</h4>\n<figure>");
                SvgBarChart.Render(html, new BarChart(
                    $"retrieval:{subset}:{(direction == 1 ? "t2i" : "i2t")}",
                    $"{title}: {label} per perturbation",
                    [.. models.Select(m => new ChartSeries(m.Label, m.Color))],
                    [.. names.Select(name => new ChartRow(name, [.. perModel.Select(rows => Shown(rows, name) is { } row
                        ? new ChartBar(direction == 1 ? row.TextToImage[0] : row.ImageToText[0], direction == 1 ? row.Captions : row.Images)
                        : null)]))],
                    null,
                    ""));
                html.Append("</figure>\n");
            }

            WriteTable(html, models, perModel, names, subset);
        }

        html.Append("</section>\n");
    }

    /// <summary>The row standing for a perturbation: its seed mean, or its one run.</summary>
    private static RetrievalRow? Shown(IReadOnlyList<RetrievalRow> rows, string perturbation) =>
        rows.FirstOrDefault(r => r.Perturbation == perturbation && r.Seed == RetrievalRow.MeanSeed)
        ?? rows.FirstOrDefault(r => r.Perturbation == perturbation && r.IsRun);

    private static IReadOnlyList<RetrievalRow> Read(ReportModel model, string subset)
    {
        var path = Path.Combine(model.Folder.Directory, ResultFiles.Retrieval(subset));
        return model.Folder.Row(subset) is not null && File.Exists(path) ? RetrievalCsvReader.Read(path) : [];
    }

    private static void WriteTable(StringBuilder html, IReadOnlyList<ReportModel> models, List<IReadOnlyList<RetrievalRow>> perModel, List<string> names, string subset)
    {
        html.Append("<table class=\"retrieval\" data-subset=\"").Append(HtmlText.Escape(subset)).Append("\">\n<thead><tr><th>model</th><th>perturbation</th><th>seeds</th>")
            .Append("<th>i2t R@1</th><th>i2t R@5</th><th>i2t R@10</th><th>t2i R@1</th><th>t2i R@5</th><th>t2i R@10</th></tr></thead>\n<tbody>\n");
        for (var m = 0; m < models.Count; m++)
        {
            foreach (var name in names)
            {
                if (Shown(perModel[m], name) is not { } row)
                {
                    continue;
                }

                var seeds = perModel[m].Count(r => r.Perturbation == name && r.IsRun && r.Seed.Length > 0);
                html.Append("<tr data-model=\"").Append(HtmlText.Escape(models[m].Label)).Append("\"><th scope=\"row\">").Append(HtmlText.Escape(models[m].Label))
                    .Append("</th><td>").Append(HtmlText.Escape(name)).Append("</td><td class=\"num\">").Append(seeds == 0 ? "—" : HtmlText.Int(seeds)).Append("</td>");
                foreach (var value in row.ImageToText.Concat(row.TextToImage))
                {
                    html.Append("<td class=\"num\">").Append(HtmlText.Share(value)).Append("</td>");
                }

                html.Append("</tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
    }
}
