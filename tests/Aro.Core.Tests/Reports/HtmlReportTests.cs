using System.Globalization;
using System.Text.RegularExpressions;
using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Perturbations;
using Aro.Core.Reports.Html;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Reports;

/// <summary>The HTML report's content: tables, charts, diagnostics, escaping, determinism and self-containment.</summary>
[Collection(EvaluatedResultsCollection.Name)]
public sealed class HtmlReportTests(EvaluatedResults results)
{
    private string Render(HtmlReportOptions? options = null) =>
        HtmlReport.Render([ResultsFolderReader.Read(results.Demo), ResultsFolderReader.Read(results.Blip)], options ?? new HtmlReportOptions());

    [Fact]
    public void Summary_row_of_each_model_holds_its_metric_of_record_micro_cases_and_skipped()
    {
        var html = Render();

        foreach (var (folder, label) in new[] { (results.Demo, "demo"), (results.Blip, "tiny-blip") })
        {
            var row = Single(html, $"<tr class=\"model\" data-model=\"{label}\">(.*?)</tr>");
            foreach (var summary in CsvTable.Read(Path.Combine(folder, "summary.csv")).Rows)
            {
                var order = summary["subset"].EndsWith("-order", StringComparison.Ordinal);
                var record = summary[order ? "micro_accuracy" : "macro_accuracy"];
                var shown = CsvTable.Number(record).ToString("F3", CultureInfo.InvariantCulture);
                var micro = CsvTable.Number(summary["micro_accuracy"]).ToString("F3", CultureInfo.InvariantCulture);
                var partial = summary["partial"];
                var mark = partial.Length > 0 ? $"<sup class=\"mark\" title=\"{partial}\">†</sup>" : "";
                string Interval(string low, string high) => summary[low].Length == 0 ? "" :
                    $"<br><span class=\"detail ci\">[{CsvTable.Number(summary[low]).ToString("F3", CultureInfo.InvariantCulture)}, {CsvTable.Number(summary[high]).ToString("F3", CultureInfo.InvariantCulture)}]</span>";
                Assert.Contains(
                    $"<td class=\"num record{(partial.Length > 0 ? " partial" : "")}\" data-subset=\"{summary["subset"]}\" data-value=\"{record}\">{shown}{mark}" +
                    $"{Interval("record_ci_low", "record_ci_high")}</td><td class=\"num\">{micro}{Interval("micro_ci_low", "micro_ci_high")}</td>",
                    row);
                Assert.Contains($"<td class=\"num\">{summary["samples"]}</td><td class=\"num\">{summary["skipped"]}</td>", row);
            }
        }

        Assert.Contains("<tr class=\"model\" data-model=\"tiny-blip\"><th scope=\"row\"><span class=\"swatch\" style=\"background:#E69F00\"></span>tiny-blip<br><span class=\"detail\">blip · itm+itc</span>", html);
    }

    [Fact]
    public void A_partial_run_gets_a_banner_naming_each_partial_result()
    {
        var html = Render();

        var banner = Single(html, "<div class=\"banner partial\" role=\"note\">(.*?)</div>");
        var partial = CsvTable.Read(Path.Combine(results.Demo, "summary.csv")).Rows.Where(r => r["partial"].Length > 0).ToList();
        Assert.NotEmpty(partial);
        foreach (var row in partial)
        {
            Assert.Contains($"<li>demo, {BenchmarkRegistry.Describe(row["subset"]).Title}: {row["partial"]}</li>", banner);
        }

        Assert.True(html.IndexOf("class=\"banner partial\"", StringComparison.Ordinal) < html.IndexOf("<section id=\"summary\">", StringComparison.Ordinal));
    }

    [Fact]
    public void Order_subsets_run_with_several_seeds_show_mean_and_std_from_seeds_csv()
    {
        var html = Render();

        var seeds = CsvTable.Read(Path.Combine(results.Demo, "seeds.csv")).Rows.Where(r => r["subset"] == "coco-order").ToList();
        var mean = CsvTable.Number(seeds.Single(r => r["seed"] == "mean")["micro_accuracy"]).ToString("F3", CultureInfo.InvariantCulture);
        var std = CsvTable.Number(seeds.Single(r => r["seed"] == "std")["micro_accuracy"]).ToString("F3", CultureInfo.InvariantCulture);
        var row = Single(html, "<tr class=\"model\" data-model=\"demo\">(.*?)</tr>");
        Assert.Contains($"<td class=\"num seeds\" title=\"seeds 1, 2\">{mean} ± {std}<br><span class=\"detail\">2 seeds</span></td>", row);
        var blip = Single(html, "<tr class=\"model\" data-model=\"tiny-blip\">(.*?)</tr>");
        Assert.DoesNotContain("seeds", blip);
    }

    [Fact]
    public void Paper_numbers_stand_below_the_models_with_their_source()
    {
        var html = Render();

        foreach (var anchor in AroBenchmark.Instance.Published.Rows)
        {
            var row = Single(html, $"<tr class=\"paper\" data-anchor=\"{HtmlText.Escape(anchor.Model)}\">(.*?)</tr>");
            foreach (var (subset, value) in anchor.Values)
            {
                Assert.Contains($"data-subset=\"{subset}\" data-value=\"{value.ToString("F7", CultureInfo.InvariantCulture)}\">{(anchor.Approximate ? "~" : "")}{value.ToString("F2", CultureInfo.InvariantCulture)}</td>", row);
            }
        }

        Assert.Contains(HtmlText.Escape(AroBenchmark.Instance.Published.Source), html);
        Assert.True(html.IndexOf("data-anchor=", StringComparison.Ordinal) > html.IndexOf("<tr class=\"model\" data-model=\"tiny-blip\">", StringComparison.Ordinal));
    }

    [Fact]
    public void Paper_anchors_are_the_numbers_of_design_section_1()
    {
        string[] subsets = ["relation", "attribution", "coco-order", "flickr-order"];
        var published = AroBenchmark.Instance.Published;
        PaperAnchor Row(string model) => published.Rows.Single(r => r.Model == model);
        double?[] Values(string model) => [.. subsets.Select(Row(model).For)];

        Assert.Equal(["random chance", "CLIP ViT-B/32", "NegCLIP", "BLIP"], published.Rows.Select(r => r.Model));
        Assert.Equal([0.50, 0.50, 0.20, 0.20], Values("random chance"));
        Assert.Equal([0.59, 0.62, 0.46, 0.59], Values("CLIP ViT-B/32"));
        Assert.Equal([0.81, 0.71, 0.86, 0.91], Values("NegCLIP"));
        Assert.Equal([0.59, 0.89, null, null], Values("BLIP"));
        Assert.True(Row("BLIP").Approximate);
        Assert.False(Row("NegCLIP").Approximate);
        Assert.Contains("ICLR 2023", published.Source);
    }

    [Theory]
    [InlineData("relation")]
    [InlineData("attribution")]
    public void Group_chart_has_a_bar_per_model_and_included_group_with_the_csv_accuracy(string subset)
    {
        var html = Render();

        var chart = Single(html, $"<svg class=\"chart\"[^>]*data-chart=\"{subset}\"(.*?)</svg>");
        var bars = Regex.Matches(chart, "<rect class=\"bar[^\"]*\"[^>]*data-series=\"([^\"]*)\" data-group=\"([^\"]*)\" data-value=\"([^\"]*)\" data-count=\"([^\"]*)\" data-included=\"([^\"]*)\"")
            .Select(m => (Model: m.Groups[1].Value, Group: m.Groups[2].Value, Value: m.Groups[3].Value, Count: m.Groups[4].Value))
            .ToList();
        var expected = new List<(string, string, string, string)>();
        var demo = CsvTable.Read(Path.Combine(results.Demo, $"{subset}.groups.csv")).Rows;
        var blip = CsvTable.Read(Path.Combine(results.Blip, $"{subset}.groups.csv")).Rows;
        var included = demo.Concat(blip).Where(r => r["included"] == "true").Select(r => r["group"]).Distinct().Order(StringComparer.Ordinal);
        foreach (var group in included)
        {
            foreach (var (model, rows) in new[] { ("demo", demo), ("tiny-blip", blip) })
            {
                var row = rows.Single(r => r["group"] == group);
                expected.Add((model, group, row["accuracy"], row["count"]));
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, bars);
        Assert.Contains("Not charted:", html);
    }

    [Fact]
    public void Order_diagnostics_sum_counts_over_seeds_and_chart_each_perturbation()
    {
        var html = Render();

        var table = Single(html, "<table class=\"diagnostics\" data-subset=\"coco-order\">(.*?)</table>");
        var perSeed = new[] { "coco-order.seed-1.perturbations.csv", "coco-order.seed-2.perturbations.csv" }
            .SelectMany(f => CsvTable.Read(Path.Combine(results.Demo, f)).Rows)
            .Where(r => r["perturbation"] == "shuffle_trigrams")
            .Sum(r => int.Parse(r["wins_when_wrong"], CultureInfo.InvariantCulture));
        Assert.Contains($"<tr data-model=\"demo\"><th scope=\"row\">demo</th><td class=\"num\">2</td><td>shuffle_trigrams</td><td class=\"num\">{perSeed}</td>", table);
        var chart = Single(html, "<svg class=\"chart\"[^>]*data-chart=\"order:coco-order\"(.*?)</svg>");
        Assert.Equal(8, Regex.Matches(chart, "<rect class=\"bar\"").Count);
    }

    [Fact]
    public void Worst_groups_are_included_groups_with_enough_cases_lowest_accuracy_first()
    {
        using var temp = new TempDirectory();
        new HandWrittenResults(temp.File("m"))
            .Summary(("relation", 100, 4, 0.5, 0.5))
            .Groups("relation", ("above", 30, 0.2, true), ("below", 12, 0.1, true), ("near", 40, 0.0, false), ("on", 30, 0.2, true), ("under", 50, 0.2, true), ("in", 9, 0.0, true))
            .Run("m");

        var html = HtmlReport.Render([ResultsFolderReader.Read(temp.File("m"))], new HtmlReportOptions(WorstGroups: 3, MinCases: 10));

        var card = Single(html, "<div class=\"card\" data-model=\"m\" data-subset=\"relation\">(.*?)</div>");
        var groups = Regex.Matches(card, "<tr><td>([^<]*)</td>").Select(m => m.Groups[1].Value);
        Assert.Equal(["below", "under", "above"], groups);
    }

    [Fact]
    public void Strings_from_files_are_escaped_everywhere()
    {
        using var temp = new TempDirectory();
        const string evilModel = "<script>alert(\"model\")</script>";
        const string evilGroup = "a&b \"q\" 'z' <img src=x onerror=alert(1)>";
        new HandWrittenResults(temp.File("evil"))
            .Summary(("relation", 20, 2, 0.5, 0.5), ("<b>cases&", 10, 2, 0.4, 0.4))
            .Groups("relation", (evilGroup, 10, 0.5, true), ("on", 10, 0.5, true))
            .Groups("<b>cases&", ("</svg><svg onload=alert(2)>", 5, 0.4, true), ("x", 5, 0.4, true))
            .Run(evilModel, family: "<i>clip</i>");

        var html = HtmlReport.Render([ResultsFolderReader.Read(temp.File("evil"))], new HtmlReportOptions(Title: "<title>&", MinCases: 1));

        foreach (var raw in new[] { "<script", "<img", "<b>", "<i>", "<svg onload", "<title><title>" })
        {
            Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(&quot;model&quot;)&lt;/script&gt;", html);
        Assert.Contains("data-group=\"a&amp;b &quot;q&quot; &#39;z&#39; &lt;img src=x onerror=alert(1)&gt;\"", html);
        Assert.Contains("&lt;/svg&gt;&lt;svg onload=alert(2)&gt;", html);
        Assert.Contains("<title>&lt;title&gt;&amp;</title>", html);
        Assert.Equal(2, Regex.Matches(html, "<svg class=\"chart\"").Count);
    }

    [Fact]
    public void Same_inputs_give_the_same_bytes_whatever_the_culture()
    {
        using var temp = new TempDirectory();
        var folders = new[] { ResultsFolderReader.Read(results.Demo), ResultsFolderReader.Read(results.Blip) };
        HtmlReport.Write(temp.File("a.html"), folders, new HtmlReportOptions());
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var again = new[] { ResultsFolderReader.Read(results.Demo), ResultsFolderReader.Read(results.Blip) };
            HtmlReport.Write(temp.File("b.html"), again, new HtmlReportOptions());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(File.ReadAllBytes(temp.File("a.html")), File.ReadAllBytes(temp.File("b.html")));
    }

    [Fact]
    public void Report_is_self_contained()
    {
        var html = Render();

        foreach (var external in new[] { "<script", "<link", "<iframe", " href=", "url(", "@import", "@font-face" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        // The gallery's thumbnails are the only images, each inlined.
        var sources = Regex.Matches(html, " src=\"([^\"]*)\"", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith("data:image/jpeg;base64,", s, StringComparison.Ordinal));
        Assert.Equal(sources.Count, Regex.Matches(html, "<img ", RegexOptions.IgnoreCase).Count);
        Assert.Equal(sources.Count, Regex.Matches(html, " src=", RegexOptions.IgnoreCase).Count);

        Assert.Equal(["http://www.w3.org/2000/svg"], Regex.Matches(html, "https?://[^\"\\s<]+").Select(m => m.Value).Distinct());
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html);
    }

    [Fact]
    public void Provenance_comes_from_run_json()
    {
        var html = Render();

        var table = Single(html, "<table class=\"provenance\" data-model=\"tiny-blip\">(.*?)</table>");
        Assert.Contains("<tr><th scope=\"row\">scoring</th><td>itm+itc</td></tr>", table);
        Assert.Contains("<tr><th scope=\"row\">family</th><td>blip</td></tr>", table);
        Assert.Contains("<tr><th scope=\"row\">file variant</th><td>fp32</td></tr>", table);
        Assert.Contains("<tr><th scope=\"row\">execution provider</th><td>CPUExecutionProvider</td></tr>", table);
        var run = File.ReadAllText(Path.Combine(results.Blip, "run.json"));
        var started = Regex.Match(run, "\"started_utc\": \"([^\"]+)\"").Groups[1].Value;
        Assert.Contains($"<tr><th scope=\"row\">started (UTC)</th><td>{started}</td></tr>", table);
        Assert.Contains("itm_model.onnx", html);
    }

    [Fact]
    public void A_run_json_without_a_variant_says_it_was_not_recorded()
    {
        using var temp = new TempDirectory();
        new HandWrittenResults(temp.File("old")).Summary(("relation", 10, 1, 0.5, 0.5)).Run("clip");

        var html = HtmlReport.Render([ResultsFolderReader.Read(temp.File("old"))], new HtmlReportOptions());

        Assert.Contains("<tr><th scope=\"row\">file variant</th><td>not recorded (run.json predates the field)</td></tr>", html);
    }

    [Fact]
    public void Folders_without_run_json_and_with_the_same_model_get_distinct_labels()
    {
        using var temp = new TempDirectory();
        new HandWrittenResults(temp.File("one")).Summary(("relation", 10, 1, 0.5, 0.5)).Run("clip");
        new HandWrittenResults(temp.File("two")).Summary(("relation", 10, 1, 0.6, 0.6)).Run("clip");
        new HandWrittenResults(temp.File("bare")).Summary(("relation", 10, 1, 0.7, 0.7));

        var html = HtmlReport.Render([.. new[] { "one", "two", "bare" }.Select(f => ResultsFolderReader.Read(temp.File(f)))], new HtmlReportOptions());

        Assert.Contains("data-model=\"clip (one)\"", html);
        Assert.Contains("data-model=\"clip (two)\"", html);
        Assert.Contains("data-model=\"bare\"", html);
        Assert.Contains("No run.json in this folder", html);
    }

    private static string Single(string html, string pattern)
    {
        var matches = Regex.Matches(html, pattern, RegexOptions.Singleline);
        Assert.True(matches.Count == 1, $"{matches.Count} matches of {pattern}");
        return matches[0].Groups[1].Value;
    }
}
