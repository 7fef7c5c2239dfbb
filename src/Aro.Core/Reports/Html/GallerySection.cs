using System.Globalization;
using System.Text;
using Aro.Core.Reports.Gallery;

namespace Aro.Core.Reports.Html;

/// <summary>
/// The failure gallery (<see cref="FailureGallery"/>): per subset, cards of cases with the image the model saw as an
/// inline JPEG, every option's text and score, the right option (<c>tr.right</c>, ✓) and the chosen one
/// (<c>tr.chosen</c>, in bold, ✗ when wrong) marked; data attributes carry the ids, margins and scores for tests.
/// </summary>
internal static class GallerySection
{
    private const int MissingListed = 10;

    public static void Write(StringBuilder html, IReadOnlyList<ReportModel> models, GalleryContent gallery)
    {
        if (gallery.Count == 0)
        {
            return;
        }

        var colors = models.ToDictionary(m => m.Label, m => m.Color, StringComparer.Ordinal);
        html.Append("<section id=\"gallery\">\n<h2>Failure gallery</h2>\n<p class=\"note\">Per subset and model, the ")
            .Append(HtmlText.Int(gallery.Count))
            .Append(" most confident mistakes (largest margin of the chosen wrong option&#39;s score over the right option&#39;s) and the ")
            .Append(HtmlText.Int(gallery.Count))
            .Append(" closest calls (smallest gap, right or wrong, between the right option and the best other one); equal margins in case id order, NaN scores last.")
            .Append(models.Count > 1 ? " Then, paired by case id, the cases where the first model and another disagree, the wrong model&#39;s most confident first." : "")
            .Append(" Each image is the one the evaluation handed to the model&#39;s transform (cropped to the case&#39;s box on VG), shrunk to at most ")
            .Append(HtmlText.Int(gallery.Limits.LongestSide)).Append(" px. ✓ marks the right option; the chosen option is in bold, ✗ when it is wrong.</p>\n")
            .Append("<p class=\"note\" data-thumbnails=\"").Append(HtmlText.Int(gallery.ThumbnailsShown)).Append("\" data-over-budget=\"")
            .Append(HtmlText.Int(gallery.ThumbnailsOverBudget)).Append("\">").Append(HtmlText.Int(gallery.ThumbnailsShown))
            .Append(gallery.ThumbnailsShown == 1 ? " thumbnail, " : " thumbnails, ").Append(KiB(gallery.ThumbnailCharacters)).Append(" of the ")
            .Append(KiB(gallery.Limits.Budget)).Append(" image budget");
        if (gallery.ThumbnailsOverBudget > 0)
        {
            html.Append("; ").Append(HtmlText.Int(gallery.ThumbnailsOverBudget)).Append(" cards past the budget show no image");
        }

        html.Append(".</p>\n");
        if (gallery.Subsets.Count == 0)
        {
            html.Append("<p class=\"note\">No subset has predictions with scores to show.</p>\n");
        }

        foreach (var subset in gallery.Subsets)
        {
            WriteSubset(html, subset, colors);
        }

        html.Append("</section>\n");
    }

    private static void WriteSubset(StringBuilder html, GallerySubset subset, Dictionary<string, string> colors)
    {
        html.Append("<div class=\"gallery\" data-subset=\"").Append(HtmlText.Escape(subset.Subset)).Append("\">\n<h3>")
            .Append(HtmlText.Escape(subset.Title)).Append("</h3>\n");
        if (subset.MissingImages.Count > 0)
        {
            html.Append("<p class=\"note missing-images\" data-missing=\"").Append(HtmlText.Int(subset.MissingImages.Count))
                .Append("\">Images not found, so their cards have no thumbnail: ")
                .AppendJoin(", ", subset.MissingImages.Take(MissingListed).Select(p => "<code>" + HtmlText.Escape(p) + "</code>"));
            if (subset.MissingImages.Count > MissingListed)
            {
                html.Append(" and ").Append(HtmlText.Int(subset.MissingImages.Count - MissingListed)).Append(" more");
            }

            html.Append(". Pass <code>--data DIR</code> to read them from elsewhere.</p>\n");
        }

        foreach (var note in subset.Notes)
        {
            html.Append("<p class=\"note gallery-note\">").Append(HtmlText.Escape(note)).Append("</p>\n");
        }

        foreach (var panel in subset.Panels)
        {
            var list = panel.Kind == GalleryList.MostConfidentMistakes ? "mistakes" : "closest";
            html.Append("<h4 class=\"gallery-list\" data-model=\"").Append(HtmlText.Escape(panel.Model)).Append("\" data-list=\"").Append(list).Append("\">");
            Swatch(html, colors, panel.Model);
            html.Append(HtmlText.Escape(panel.Model)).Append(" · ").Append(list == "mistakes" ? "most confident mistakes" : "closest calls")
                .Append(" <span class=\"detail\">").Append(HtmlText.Int(panel.Cards.Count)).Append(" of ").Append(HtmlText.Int(panel.Candidates))
                .Append(list == "mistakes" ? " wrong cases" : " cases").Append(Seed(panel.Seed)).Append("</span></h4>\n<div class=\"cases\">\n");
            foreach (var card in panel.Cards)
            {
                var row = card.Row;
                var margin = list == "mistakes" ? row.MistakeMargin : row.LabelMargin;
                OpenCase(html, "case", row, card.Image, margin);
                html.Append(" data-model=\"").Append(HtmlText.Escape(panel.Model)).Append("\" data-list=\"").Append(list).Append("\" data-correct=\"")
                    .Append(row.Correct ? "true" : "false").Append("\">\n");
                Image(html, card.Image, row.Id);
                Caption(html, row, list == "mistakes" ? "margin" : "right − best other", margin);
                html.Append("<table class=\"options\"><tbody>\n");
                for (var i = 0; i < row.Options.Count; i++)
                {
                    var right = i == row.Label;
                    var chosen = i == row.Prediction;
                    OpenOption(html, i, right, chosen);
                    html.Append("<td class=\"mark\">").Append(right ? "✓" : chosen ? "✗" : "").Append("</td>");
                    Score(html, row.Scores[i], chosen, null);
                    html.Append("<td class=\"text\">").Append(HtmlText.Escape(row.Options[i])).Append("</td></tr>\n");
                }

                html.Append("</tbody></table>\n</figure>\n");
            }

            html.Append("</div>\n");
        }

        foreach (var pair in subset.Disagreements)
        {
            WriteDirection(html, pair, pair.First, pair.Second, pair.Counts.FirstRightCount, pair.Counts.SecondRightCount, pair.FirstRight, colors);
            WriteDirection(html, pair, pair.Second, pair.First, pair.Counts.SecondRightCount, pair.Counts.FirstRightCount, pair.SecondRight, colors);
        }

        html.Append("</div>\n");
    }

    private static void WriteDirection(
        StringBuilder html, DisagreementPanel pair, string right, string wrong, int count, int reverse, IReadOnlyList<PairCard> cards, Dictionary<string, string> colors)
    {
        html.Append("<h4 class=\"gallery-list\" data-list=\"disagreements\" data-right-model=\"").Append(HtmlText.Escape(right))
            .Append("\" data-wrong-model=\"").Append(HtmlText.Escape(wrong)).Append("\">");
        Swatch(html, colors, right);
        html.Append(HtmlText.Escape(right)).Append(" right, ").Append(HtmlText.Escape(wrong)).Append(" wrong <span class=\"detail\">")
            .Append(HtmlText.Int(cards.Count)).Append(" of ").Append(HtmlText.Int(count)).Append(" such cases among ")
            .Append(HtmlText.Int(pair.Counts.Paired)).Append(" paired (").Append(HtmlText.Int(reverse)).Append(" the other way)").Append(Seed(pair.Seed))
            .Append("</span></h4>\n<div class=\"cases\">\n");
        foreach (var card in cards)
        {
            var (first, second) = (card.Pair.First, card.Pair.Second);
            var wrongRow = wrong == pair.First ? first : second;
            OpenCase(html, "case pair", first, card.Image, wrongRow.MistakeMargin);
            html.Append(" data-list=\"disagreements\" data-right-model=\"").Append(HtmlText.Escape(right)).Append("\" data-wrong-model=\"")
                .Append(HtmlText.Escape(wrong)).Append("\">\n");
            Image(html, card.Image, first.Id);
            Caption(html, first, HtmlText.Escape(wrong) + "&#39;s margin", wrongRow.MistakeMargin);
            html.Append("<table class=\"options\"><thead><tr><th></th><th class=\"num\">").Append(HtmlText.Escape(pair.First)).Append("</th><th class=\"num\">")
                .Append(HtmlText.Escape(pair.Second)).Append("</th><th>option</th></tr></thead><tbody>\n");
            for (var i = 0; i < first.Options.Count; i++)
            {
                var isRight = i == first.Label;
                OpenOption(html, i, isRight, null);
                html.Append("<td class=\"mark\">").Append(isRight ? "✓" : "").Append("</td>");
                Score(html, first.Scores[i], i == first.Prediction, pair.First);
                Score(html, second.Scores[i], i == second.Prediction, pair.Second);
                html.Append("<td class=\"text\">").Append(HtmlText.Escape(first.Options[i])).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n</figure>\n");
        }

        html.Append("</div>\n");
    }

    private static void OpenCase(StringBuilder html, string classes, PredictionRow row, CardImage image, double margin) =>
        html.Append("<figure class=\"").Append(classes).Append("\" data-id=\"").Append(HtmlText.Escape(row.Id)).Append("\" data-margin=\"")
            .Append(HtmlText.Data(margin)).Append("\" data-thumbnail=\"").Append(image.DataUri is null ? "false" : "true").Append('"');

    private static void Image(StringBuilder html, CardImage image, string id)
    {
        if (image.DataUri is { } uri)
        {
            html.Append("<img class=\"thumb\" width=\"").Append(HtmlText.Int(image.Width)).Append("\" height=\"").Append(HtmlText.Int(image.Height))
                .Append("\" alt=\"the image of case ").Append(HtmlText.Escape(id)).Append("\" src=\"").Append(uri).Append("\">\n");
        }
        else
        {
            html.Append("<div class=\"thumb absent\">").Append(HtmlText.Escape(image.Absent ?? "no image")).Append("</div>\n");
        }
    }

    private static void Caption(StringBuilder html, PredictionRow row, string marginName, double margin) =>
        html.Append("<figcaption><span class=\"case-id\">").Append(HtmlText.Escape(row.Id)).Append("</span> <span class=\"detail\">")
            .Append(HtmlText.Escape(row.Group)).Append(" · ").Append(marginName).Append(' ').Append(Number(margin)).Append("</span></figcaption>\n");

    private static void OpenOption(StringBuilder html, int option, bool right, bool? chosen)
    {
        html.Append("<tr class=\"option").Append(right ? " right" : "").Append(chosen == true ? " chosen" : "").Append("\" data-option=\"")
            .Append(HtmlText.Int(option)).Append("\" data-right=\"").Append(right ? "true" : "false").Append('"');
        if (chosen is { } isChosen)
        {
            html.Append(" data-chosen=\"").Append(isChosen ? "true" : "false").Append('"');
        }

        html.Append('>');
    }

    private static void Score(StringBuilder html, double score, bool chosen, string? model)
    {
        html.Append("<td class=\"num score").Append(chosen && model is not null ? " chosen" : "").Append('"');
        if (model is not null)
        {
            html.Append(" data-model=\"").Append(HtmlText.Escape(model)).Append("\" data-chosen=\"").Append(chosen ? "true" : "false").Append('"');
        }

        html.Append(" data-score=\"").Append(HtmlText.Data(score)).Append("\">").Append(Number(score)).Append("</td>");
    }

    private static void Swatch(StringBuilder html, Dictionary<string, string> colors, string model)
    {
        if (colors.TryGetValue(model, out var color))
        {
            html.Append("<span class=\"swatch\" style=\"background:").Append(color).Append("\"></span>");
        }
    }

    private static string Seed(int? seed) => seed is { } s ? string.Create(CultureInfo.InvariantCulture, $", seed {s}") : "";

    /// <summary>A score or margin as a card shows it: 4 decimals, a sign on margins' negatives only.</summary>
    private static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string KiB(long bytes) => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB";
}
