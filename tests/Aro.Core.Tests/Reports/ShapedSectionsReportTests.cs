using System.Text.RegularExpressions;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Reports.Html;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Reports;

/// <summary>
/// The report's retrieval and Winoground sections on two real results folders (the demo CLIP with two seeds, and
/// tiny-blip): an inline SVG chart of R@1 per perturbation with the original first, one bar per model whose value is
/// its retrieval.csv's (the seed mean where there are several seeds), every recall in a table, and Winoground's
/// three scores beside the paper's.
/// </summary>
public sealed class ShapedSectionsReportTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Demo => _temp.File("demo");

    private string Blip => _temp.File("tiny-blip");

    public async Task InitializeAsync()
    {
        foreach (var (model, folder, seeds) in new[] { ("models/demo", Demo, new[] { 1, 2 }), ("tests/fixtures/tiny-blip", Blip, new[] { 1 }) })
        {
            await EvalJob.RunAsync(
                new EvalRequest(RepoPaths.InRepo(model.Split('/')), "winoground,retrieval", RepoPaths.InRepo("data", "demo"), folder,
                    new EvaluationSettings(BatchSize: 8), RuntimeOptions.Default, Seeds: seeds, NoCache: true),
                new NullEvalObserver());
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Retrieval_charts_show_r1_per_perturbation_beside_the_original_per_model()
    {
        var html = Render();

        Assert.Contains("<section id=\"retrieval\">", html);
        foreach (var subset in new[] { "coco-retrieval", "flickr-retrieval" })
        {
            var chart = Single(html, $"<svg class=\"chart\"[^>]*data-chart=\"retrieval:{subset}:t2i\"(.*?)</svg>");
            var labels = Regex.Matches(chart, "<text class=\"label\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(["none", "shuffle_all_words", "shuffle_nouns_and_adj", "shuffle_allbut_nouns_and_adj", "shuffle_within_trigrams", "shuffle_trigrams"], labels);
            foreach (var (folder, label) in new[] { (Demo, "demo"), (Blip, "tiny-blip") })
            {
                var rows = CsvTable.Read(Path.Combine(folder, ResultFiles.Retrieval(subset))).Rows;
                var shuffled = rows.Single(r => r["perturbation"] == "shuffle_all_words" && r["seed"] == (label == "demo" ? "mean" : "1"));
                foreach (var row in new[] { rows[0], shuffled })
                {
                    Assert.Contains($"data-series=\"{label}\" data-group=\"{row["perturbation"]}\" data-value=\"{row["t2i_r1"]}\"", chart);
                }
            }

            Assert.Contains($"data-chart=\"retrieval:{subset}:i2t\"", html);
            Assert.Contains($"<table class=\"retrieval\" data-subset=\"{subset}\">", html);
        }
    }

    [Fact]
    public void Winoground_shows_text_image_and_group_scores_beside_the_paper()
    {
        var html = Render();

        var section = Single(html, "<section id=\"pair-matching\">(.*?)</section>");
        var all = CsvTable.Read(Path.Combine(Blip, ResultFiles.Scores("winoground"))).Rows[0];
        Assert.Contains($"data-series=\"tiny-blip\" data-group=\"group score\" data-value=\"{all["group_score"]}\"", section);
        Assert.Contains("data-series=\"CLIP ViT-B/32 (paper)\" data-group=\"text score\" data-value=\"0.3075000\"", section);
        Assert.Contains("data-series=\"CLIP ViT-B/32 (paper)\" data-group=\"group score\" data-value=\"0.0800000\"", section);
        Assert.Contains("CLIP ViT-B/32 (paper)</th><td>all</td><td class=\"num\">400</td><td class=\"num\">0.3075</td><td class=\"num\">0.105</td><td class=\"num\">0.08</td>", section);
        Assert.Contains("data-subset=\"winoground\" data-value=\"0.0800000\">0.08</td>", html);
    }

    [Fact]
    public void The_report_stays_self_contained()
    {
        var html = Render();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"https?://", html);
        Assert.Equal(html, Render());
    }

    private string Render() =>
        HtmlReport.Render([ResultsFolderReader.Read(Demo), ResultsFolderReader.Read(Blip)], new HtmlReportOptions());

    private static string Single(string html, string pattern)
    {
        var matches = Regex.Matches(html, pattern, RegexOptions.Singleline);
        Assert.True(matches.Count >= 1, $"no match for {pattern}");
        return matches[0].Groups[1].Value;
    }
}
