using System.Text;
using Aro.Core.IO;
using Aro.Core.Reports.Gallery;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>
/// <c>aro report</c>: one self-contained HTML file over any number of results folders — the summary beside the
/// paper's numbers, per-group bar charts, the Order diagnostics, the worst groups and each model's provenance.
/// No scripts, fonts or stylesheets are fetched (CSS inline, charts inline SVG). The same inputs give the same
/// bytes: nothing depends on the clock, the culture or hash ordering, and the only times are run.json's.
/// </summary>
public static class HtmlReport
{
    public static string Render(IReadOnlyList<ResultsFolder> folders, HtmlReportOptions options)
    {
        if (folders.Count == 0)
        {
            throw new AroInputException("aro report needs at least one results folder");
        }

        options.Validate();
        var models = ReportModels.Label(folders);
        var subsets = ReportSubsets.Columns(models);
        var html = new StringBuilder(1 << 16);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"aro ").Append(HtmlText.Escape(AroVersion.Current)).Append("\">\n")
            .Append("<title>").Append(HtmlText.Escape(options.Title)).Append("</title>\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<header>\n<h1>").Append(HtmlText.Escape(options.Title)).Append("</h1>\n<p class=\"subtitle\">")
            .Append(HtmlText.Int(models.Count)).Append(models.Count == 1 ? " model" : " models").Append(": ")
            .Append(HtmlText.Escape(string.Join(", ", models.Select(m => m.Label)))).Append(".</p>\n");
        PartialBanner(html, models);
        html.Append("</header>\n");
        SummarySection.Write(html, models, subsets);
        GroupChartsSection.Write(html, models, subsets);
        OrderDiagnosticsSection.Write(html, models, subsets);
        RetrievalSection.Write(html, models, subsets);
        PairMatchingSection.Write(html, models, subsets);
        WorstGroupsSection.Write(html, models, subsets, options);
        GallerySection.Write(html, models, FailureGallery.Build([.. models.Select(m => (m.Label, m.Folder))], subsets, options.Gallery));
        ProvenanceSection.Write(html, models);
        html.Append("<footer>Written by aro ").Append(HtmlText.Escape(AroVersion.Current))
            .Append(" (aro report) from the results folders above.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// A banner naming every result that is not the whole official subset (a --limit, a shard, skipped cases, a
    /// smaller data file), so nobody reads a partial number as the benchmark's.
    /// </summary>
    private static void PartialBanner(StringBuilder html, IReadOnlyList<ReportModel> models)
    {
        var partial = models.SelectMany(m => m.Folder.Summary.Where(r => r.Partial is not null).Select(r => (m.Label, Row: r))).ToList();
        if (partial.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"banner partial\" role=\"note\"><strong>Partial results.</strong> ")
            .Append(HtmlText.Int(partial.Count)).Append(partial.Count == 1 ? " result is" : " results are")
            .Append(" not the whole official subset, so they are not comparable with the published numbers (marked † below):<ul>\n");
        foreach (var (label, row) in partial)
        {
            html.Append("<li>").Append(HtmlText.Escape(label)).Append(", ").Append(HtmlText.Escape(ReportSubsets.Title(row.Subset))).Append(": ")
                .Append(HtmlText.Escape(row.Partial!)).Append("</li>\n");
        }

        html.Append("</ul></div>\n");
    }

    /// <summary>Renders the report and writes it atomically (UTF-8, no byte-order mark).</summary>
    public static void Write(string path, IReadOnlyList<ResultsFolder> folders, HtmlReportOptions options) =>
        AtomicFile.WriteText(path, Render(folders, options));
}
