using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Reports.Gallery;
using Aro.Core.Reports.Html;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Reports.Gallery;

/// <summary>
/// The gallery as the report writes it, over two real results folders (models/demo and tiny-blip on data/demo): every
/// card is checked against the row of the model's predictions.csv it shows (read here with <see cref="CsvTable"/>,
/// not the gallery's reader): its scores, option texts, the right option (the label) and the chosen one (the
/// prediction). Then what happens when the data is not where run.json says, or is not the data evaluated.
/// </summary>
[Collection(EvaluatedResultsCollection.Name)]
public sealed partial class GallerySectionTests(EvaluatedResults results, ITestOutputHelper output)
{
    [Fact]
    public void Every_card_shows_its_predictions_rows_scores_texts_label_and_prediction()
    {
        var html = Report(new HtmlReportOptions(MinCases: 5));
        var gallery = Section(html);

        var checkedCards = 0;
        foreach (var subset in new[] { "relation", "attribution" })
        {
            var block = SubsetBlock(gallery, subset);
            foreach (var (label, folder) in new[] { ("demo", results.Demo), ("tiny-blip", results.Blip) })
            {
                var rows = Rows(folder, subset);
                var mistakes = Cards(block).Where(c => c.Attributes["data-model"] == label && c.Attributes["data-list"] == "mistakes").ToList();
                var closest = Cards(block).Where(c => c.Attributes["data-model"] == label && c.Attributes["data-list"] == "closest").ToList();

                Assert.Equal(Math.Min(GalleryOptions.DefaultCount, rows.Values.Count(r => r["correct"] == "false")), mistakes.Count);
                Assert.Equal(Math.Min(GalleryOptions.DefaultCount, rows.Count), closest.Count);
                foreach (var card in mistakes.Concat(closest))
                {
                    var row = rows[card.Attributes["data-id"]];
                    var (labelIndex, prediction) = (int.Parse(row["label"], CultureInfo.InvariantCulture), int.Parse(row["prediction"], CultureInfo.InvariantCulture));
                    var scores = Enumerable.Range(0, card.Options.Count).Select(i => CsvTable.Number(row[$"score_{i}"])).ToList();
                    Assert.Equal(row.Keys.Count(k => k.StartsWith("option_", StringComparison.Ordinal)), card.Options.Count);
                    Assert.Equal("true", card.Attributes["data-thumbnail"]);
                    Assert.Contains("<img class=\"thumb\"", card.Html);
                    for (var i = 0; i < card.Options.Count; i++)
                    {
                        var option = card.Options[i];
                        Assert.Equal(row[$"option_{i}"], option.Text);
                        Assert.Equal(scores[i], option.Score, 1e-6);
                        Assert.Equal(i == labelIndex, option.Right);
                        Assert.Equal(i == prediction, option.Chosen);
                        Assert.Equal(i == labelIndex ? "✓" : i == prediction ? "✗" : "", option.Mark);
                    }

                    if (card.Attributes["data-list"] == "mistakes")
                    {
                        Assert.Equal("false", row["correct"]);
                        Assert.Equal(scores[prediction] - scores[labelIndex], Number(card.Attributes["data-margin"]), 1e-6);
                    }
                    else
                    {
                        var bestOther = scores.Where((_, i) => i != labelIndex).Max();
                        Assert.Equal(scores[labelIndex] - bestOther, Number(card.Attributes["data-margin"]), 1e-6);
                    }

                    checkedCards++;
                }

                var mistakeMargins = mistakes.Select(c => Number(c.Attributes["data-margin"])).ToList();
                Assert.Equal(mistakeMargins.OrderByDescending(m => m), mistakeMargins);
                var closeness = closest.Select(c => Math.Abs(Number(c.Attributes["data-margin"]))).ToList();
                Assert.Equal(closeness.OrderBy(m => m), closeness);
            }
        }

        Assert.True(checkedCards > 20, $"only {checkedCards} cards checked");
    }

    [Fact]
    public void Disagreement_cards_are_cases_one_model_got_right_and_the_other_wrong()
    {
        var gallery = Section(Report(new HtmlReportOptions(MinCases: 5)));
        var block = SubsetBlock(gallery, "relation");
        var (demo, blip) = (Rows(results.Demo, "relation"), Rows(results.Blip, "relation"));
        var pairs = PairCards().Matches(block).Select(m => (Id: m.Groups["id"].Value, Right: m.Groups["right"].Value, Wrong: m.Groups["wrong"].Value)).ToList();

        var expectDemoRight = demo.Keys.Count(id => demo[id]["correct"] == "true" && blip[id]["correct"] == "false");
        var expectBlipRight = demo.Keys.Count(id => demo[id]["correct"] == "false" && blip[id]["correct"] == "true");
        Assert.Equal(Math.Min(GalleryOptions.DefaultCount, expectDemoRight), pairs.Count(p => p.Right == "demo"));
        Assert.Equal(Math.Min(GalleryOptions.DefaultCount, expectBlipRight), pairs.Count(p => p.Right == "tiny-blip"));
        Assert.True(pairs.Count > 0, "the two models never disagree on the demo's relation cases");
        foreach (var (id, right, wrong) in pairs)
        {
            var (rightRows, wrongRows) = right == "demo" ? (demo, blip) : (blip, demo);
            Assert.Equal(right == "demo" ? "tiny-blip" : "demo", wrong);
            Assert.Equal(("true", "false"), (rightRows[id]["correct"], wrongRows[id]["correct"]));
        }
    }

    [Fact]
    public void Data_without_its_images_lists_them_and_leaves_the_cards_without_thumbnails()
    {
        using var temp = new TempDirectory();
        File.Copy(RepoPaths.InRepo("data", "demo", "visual_genome_relation.json"), temp.File("visual_genome_relation.json"));

        var gallery = FailureGallery.Build([("demo", ResultsFolderReader.Read(results.Demo))], ["relation"], new GalleryOptions(3, temp.Path));

        var subset = Assert.Single(gallery.Subsets);
        var cards = subset.Panels.SelectMany(p => p.Cards).ToList();
        Assert.Equal(6, cards.Count);
        Assert.All(cards, c => Assert.Null(c.Image.DataUri));
        Assert.All(cards, c => Assert.StartsWith("image not found: " + temp.File("images"), c.Image.Absent, StringComparison.Ordinal));
        Assert.NotEmpty(subset.MissingImages);
        Assert.All(subset.MissingImages, p => Assert.StartsWith(temp.File("images"), p, StringComparison.Ordinal));
        Assert.Equal(0, gallery.ThumbnailsShown);

        var html = Report(new HtmlReportOptions(MinCases: 5) { Gallery = new GalleryOptions(3, temp.Path) });
        Assert.Contains("Images not found, so their cards have no thumbnail: <code>" + temp.File("images"), SubsetBlock(Section(html), "relation"));
    }

    [Fact]
    public void Other_data_than_the_evaluated_or_none_is_a_note_not_a_failure()
    {
        using var temp = new TempDirectory();
        var changed = File.ReadAllText(RepoPaths.InRepo("data", "demo", "visual_genome_relation.json")) + "\n";
        File.WriteAllText(temp.File("visual_genome_relation.json"), changed);
        using var empty = new TempDirectory();

        var other = FailureGallery.Build([("demo", ResultsFolderReader.Read(results.Demo))], ["relation", "attribution"], new GalleryOptions(2, temp.Path));
        var none = FailureGallery.Build([("demo", ResultsFolderReader.Read(results.Demo))], ["relation"], new GalleryOptions(2, empty.Path));

        var relation = other.Subsets.Single(s => s.Subset == "relation");
        Assert.Contains(relation.Notes, n => n.Contains("is not the file evaluated (its SHA-256 differs from run.json's)", StringComparison.Ordinal));
        Assert.All(relation.Panels.SelectMany(p => p.Cards), c => Assert.Null(c.Image.DataUri));
        Assert.Contains(other.Subsets.Single(s => s.Subset == "attribution").Notes, n => n.Contains("data not found under --data", StringComparison.Ordinal));
        Assert.Contains(Assert.Single(none.Subsets).Notes, n => n.StartsWith("demo: no thumbnails: VG-Relation data not found under --data: expected " + empty.Path, StringComparison.Ordinal));
        Assert.Throws<AroInputException>(() => new GalleryOptions(2, empty.File("nowhere")).Validate());
        Assert.Throws<AroInputException>(() => new GalleryOptions(-1).Validate());
    }

    [Fact]
    public void The_image_budget_bounds_the_thumbnails_and_later_cards_show_none()
    {
        var options = new GalleryOptions(100) { Limits = ThumbnailLimits.Default with { Budget = 40_000 } };

        var gallery = FailureGallery.Build([("demo", ResultsFolderReader.Read(results.Demo)), ("tiny-blip", ResultsFolderReader.Read(results.Blip))], ["relation", "attribution", "coco-order"], options);

        // Each image with its rank in its list; lists in page order.
        var images = gallery.Subsets.SelectMany(s => s.Panels.Select(p => p.Cards.Select(c => c.Image))
            .Concat(s.Disagreements.SelectMany(d => new[] { d.FirstRight.Select(c => c.Image), d.SecondRight.Select(c => c.Image) })))
            .SelectMany(list => list.Select((image, rank) => (Image: image, Rank: rank))).ToList();
        var shown = images.Where(i => i.Image.DataUri is not null).ToList();
        var over = images.Where(i => i.Image.Absent == "thumbnail left out: the report's image budget is spent").ToList();
        Assert.True(gallery.ThumbnailsOverBudget > 0, "the budget never bit");
        Assert.Equal(shown.Count, gallery.ThumbnailsShown);
        Assert.Equal(over.Count, gallery.ThumbnailsOverBudget);
        Assert.Equal(shown.Sum(i => (long)i.Image.DataUri!.Length), gallery.ThumbnailCharacters);
        Assert.InRange(gallery.ThumbnailCharacters, 1, 40_000);
        Assert.Equal(images.Count, shown.Count + over.Count);

        // Handed out rank by rank: no list's later card has a thumbnail that an earlier-ranked card went without.
        Assert.True(shown.Max(i => i.Rank) <= over.Min(i => i.Rank), "a later-ranked card took the budget before an earlier one");
    }

    [Fact]
    public void Default_report_over_four_subsets_stays_well_under_3_mb_and_gallery_0_leaves_the_section_out()
    {
        var html = Report(new HtmlReportOptions(MinCases: 5) { Gallery = new GalleryOptions(24) });
        var without = Report(new HtmlReportOptions(MinCases: 5) { Gallery = new GalleryOptions(0) });

        var thumbnails = ImageCount().Count(html);
        output.WriteLine($"{thumbnails} thumbnails, report {html.Length} characters, {without.Length} without the gallery");
        Assert.InRange(html.Length, 1, 3_000_000);
        Assert.Equal(["relation", "attribution", "coco-order", "flickr-order"], SubsetNames().Matches(Section(html)).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("id=\"gallery\"", without, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/jpeg", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SugarCrepe_cards_show_the_whole_image_of_each_case()
    {
        using var temp = new TempDirectory();
        await EvalJob.RunAsync(
            new EvalRequest(RepoPaths.InRepo("models", "demo"), "sugarcrepe", RepoPaths.InRepo("data", "demo"), temp.File("demo"), new EvaluationSettings(BatchSize: 16), RuntimeOptions.Default),
            new NullEvalObserver());
        var folder = ResultsFolderReader.Read(temp.File("demo"));

        var gallery = FailureGallery.Build([("demo", folder)], [.. folder.Summary.Select(r => r.Subset)], new GalleryOptions(100));

        Assert.Equal(7, gallery.Subsets.Count);
        var cards = gallery.Subsets.SelectMany(s => s.Panels.Single(p => p.Kind == GalleryList.ClosestCalls).Cards).ToList();
        Assert.Equal(folder.Summary.Sum(r => r.Samples), cards.Count);
        Assert.All(gallery.Subsets, s => Assert.Empty(s.Notes));
        Assert.All(cards, c => Assert.StartsWith("data:image/jpeg;base64,", c.Image.DataUri, StringComparison.Ordinal));

        // A whole image shrunk to 160 px on its longer side: the sizes of the demo's images, not of any crop.
        var sizes = Directory.GetFiles(RepoPaths.InRepo("data", "demo", "sugarcrepe", "val2017"))
            .Select(f => { using var b = SKBitmap.Decode(f); return Thumbnails.Size(b.Width, b.Height, 160); }).ToHashSet();
        Assert.All(cards, c => Assert.Contains((c.Image.Width, c.Image.Height), sizes));
    }

    private string Report(HtmlReportOptions options)
    {
        using var temp = new TempDirectory();
        var path = temp.File("report.html");
        HtmlReport.Write(path, [ResultsFolderReader.Read(results.Demo), ResultsFolderReader.Read(results.Blip)], options);
        return File.ReadAllText(path);
    }

    private static string Section(string html)
    {
        var start = html.IndexOf("<section id=\"gallery\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no gallery section");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string SubsetBlock(string gallery, string subset)
    {
        var start = gallery.IndexOf($"<div class=\"gallery\" data-subset=\"{subset}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no gallery for {subset}");
        var end = gallery.IndexOf("<div class=\"gallery\" data-subset=", start + 1, StringComparison.Ordinal);
        return end < 0 ? gallery[start..] : gallery[start..end];
    }

    /// <summary>The predictions rows of a subset without seeds, by case id.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Rows(string folder, string subset) =>
        CsvTable.Read(Path.Combine(folder, ResultFiles.Predictions(subset))).Rows.ToDictionary(r => r["id"], r => r);

    private static IEnumerable<Card> Cards(string block) =>
        SingleCards().Matches(block).Select(m => new Card(
            Attributes().Matches(m.Groups["open"].Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value)),
            [.. OptionRows().Matches(m.Groups["body"].Value).Select(o => new OptionRow(
                o.Groups["right"].Value == "true",
                o.Groups["chosen"].Value == "true",
                o.Groups["mark"].Value,
                Number(o.Groups["score"].Value),
                WebUtility.HtmlDecode(o.Groups["text"].Value)))],
            m.Value));

    private static double Number(string text) => CsvTable.Number(text);

    [GeneratedRegex("<figure class=\"case\"(?<open>[^>]*)>(?<body>.*?)</figure>", RegexOptions.Singleline)]
    private static partial Regex SingleCards();

    [GeneratedRegex("<figure class=\"case pair\"[^>]*data-id=\"(?<id>[^\"]*)\"[^>]*data-right-model=\"(?<right>[^\"]*)\" data-wrong-model=\"(?<wrong>[^\"]*)\">")]
    private static partial Regex PairCards();

    [GeneratedRegex("([a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex Attributes();

    [GeneratedRegex("<tr class=\"option[^\"]*\" data-option=\"\\d+\" data-right=\"(?<right>true|false)\" data-chosen=\"(?<chosen>true|false)\"><td class=\"mark\">(?<mark>[^<]*)</td><td class=\"num score\" data-score=\"(?<score>[^\"]*)\">[^<]*</td><td class=\"text\">(?<text>[^<]*)</td></tr>")]
    private static partial Regex OptionRows();

    [GeneratedRegex("<img class=\"thumb\"")]
    private static partial Regex ImageCount();

    [GeneratedRegex("<div class=\"gallery\" data-subset=\"([^\"]+)\">")]
    private static partial Regex SubsetNames();

    private sealed record Card(Dictionary<string, string> Attributes, IReadOnlyList<OptionRow> Options, string Html);

    private sealed record OptionRow(bool Right, bool Chosen, string Mark, double Score, string Text);
}
