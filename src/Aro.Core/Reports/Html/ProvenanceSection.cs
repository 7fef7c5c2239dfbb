using System.Globalization;
using System.Text;
using Aro.Core.Models;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>Where each model's numbers come from: run.json's model, runtime, settings and hashed input files.</summary>
internal static class ProvenanceSection
{
    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models)
    {
        html.Append("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
        foreach (var model in models)
        {
            html.Append("<h3><span class=\"swatch\" style=\"background:").Append(model.Color).Append("\"></span>").Append(HtmlText.Escape(model.Label)).Append("</h3>\n")
                .Append("<table class=\"provenance\" data-model=\"").Append(HtmlText.Escape(model.Label)).Append("\">\n<tbody>\n");
            Row(html, "results folder", model.Folder.Directory);
            if (model.Folder.Provenance is not { } run)
            {
                html.Append("</tbody>\n</table>\n<p class=\"note\">No run.json in this folder: provenance unknown.</p>\n");
                continue;
            }

            Row(html, "model", run.ModelName);
            Row(html, "family", run.ModelFamily);
            Row(html, "scoring", run.ModelScoring);
            Row(html, "file variant", run.ModelVariant ?? "not recorded (run.json predates the field)");
            Row(html, "package layout", run.ModelLayout);
            Row(html, "package folder", run.ModelDirectory);
            Row(html, "aro version", run.AroVersion);
            Row(html, "ONNX Runtime", run.OnnxruntimeVersion);
            Row(html, "execution provider", run.ExecutionProvider);
            Row(html, "batch size", run.BatchSize?.ToString(CultureInfo.InvariantCulture));
            Row(html, "limit", run.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none (every case)");
            Row(html, "seeds", run.Seeds.Count > 0 ? string.Join(", ", run.Seeds.Select(HtmlText.Int)) : null);
            Row(html, "started (UTC)", run.StartedUtc);
            Row(html, "elapsed", run.ElapsedSeconds?.ToString("0.###", CultureInfo.InvariantCulture) + (run.ElapsedSeconds is null ? null : " s"));
            html.Append("</tbody>\n</table>\n");
            Files(html, "model files", run.ModelFiles);
            Files(html, "data files", run.DataFiles);
        }

        html.Append("</section>\n");
    }

    private static void Row(StringBuilder html, string key, string? value) =>
        html.Append("<tr><th scope=\"row\">").Append(HtmlText.Escape(key)).Append("</th><td>").Append(HtmlText.Escape(value ?? "—")).Append("</td></tr>\n");

    private static void Files(StringBuilder html, string caption, IReadOnlyList<HashedFile> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        html.Append("<table class=\"files\">\n<caption>").Append(HtmlText.Escape(caption)).Append("</caption>\n<thead><tr><th>file</th><th>sha256</th></tr></thead>\n<tbody>\n");
        foreach (var file in files)
        {
            html.Append("<tr><td>").Append(HtmlText.Escape(file.Path)).Append("</td><td><code>").Append(HtmlText.Escape(file.Sha256)).Append("</code></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }
}
