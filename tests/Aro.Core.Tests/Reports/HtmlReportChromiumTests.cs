using System.Text.RegularExpressions;
using Aro.Core.Perturbations;
using Aro.Core.Reports.Html;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.TestSupport;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Reports;

/// <summary>
/// The report as a real browser sees it: headless Chromium loads the file from disk, serialises the DOM it built
/// and takes a screenshot. The DOM must hold the charts with their bars (so the inline SVG parsed as SVG inside the
/// HTML, escaping intact), and the screenshot must show them: pixels of each model's bar colour. The screenshot and
/// the report are kept under TestResults/report/ as artifacts. Skips without Chromium, except in CI.
/// </summary>
[Collection(EvaluatedResultsCollection.Name)]
public sealed class HtmlReportChromiumTests(EvaluatedResults results, ITestOutputHelper output)
{
    private const int Width = 1280;
    private const int Height = 2000;

    [SkippableFact]
    public void Chromium_renders_the_charts_of_a_report_over_two_real_results_folders()
    {
        var chromium = Chromium.Require();
        var artifacts = RepoPaths.InRepo("TestResults", "report");
        Directory.CreateDirectory(artifacts);
        var html = Path.Combine(artifacts, "report.html");
        var png = Path.Combine(artifacts, "report.png");
        File.Delete(png);
        HtmlReport.Write(html, [ResultsFolderReader.Read(results.Demo), ResultsFolderReader.Read(results.Blip)], new HtmlReportOptions(MinCases: 5));
        using var profile = new TempDirectory();

        var dom = Chromium.DumpDom(chromium, html, profile.File("dom"));
        Chromium.Screenshot(chromium, html, png, Width, Height, profile.File("shot"));

        // The serialised DOM is Chromium's, not our text: every bar must come back as an SVG rect holding its tooltip.
        var charts = Regex.Matches(dom, "<svg class=\"chart\"[^>]*data-chart=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["relation", "attribution", "order:coco-order", "order:flickr-order"], charts);
        var bars = Regex.Matches(dom, "<rect class=\"bar[^\"]*\"[^>]*data-series=\"([^\"]+)\"[^>]*data-value=\"([0-9.]+)\"[^>]*><title>[^<]*</title></rect>");
        output.WriteLine($"{charts.Count} charts, {bars.Count} bars, screenshot {new FileInfo(png).Length} bytes at {png}");
        Assert.Equal(2 * (3 + 1 + 4 + 4), bars.Count);
        Assert.Equal(bars.Count / 2, bars.Count(m => m.Groups[1].Value == "demo"));
        Assert.Contains("<tr class=\"paper\" data-anchor=\"NegCLIP\">", dom);
        Assert.Equal(2, Regex.Matches(dom, "<tr class=\"model\"").Count);

        Assert.True(File.Exists(png), "no screenshot written");
        Assert.True(new FileInfo(png).Length > 20_000, $"screenshot is only {new FileInfo(png).Length} bytes");
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((Width, Height), (bitmap.Width, bitmap.Height));
        var pixels = bitmap.Pixels;
        Assert.True(pixels.Select(p => (uint)p).Distinct().Count() > 50, "the screenshot is nearly uniform");
        foreach (var (model, color) in new[] { ("demo", new SKColor(0x00, 0x72, 0xB2)), ("tiny-blip", new SKColor(0xE6, 0x9F, 0x00)) })
        {
            var painted = pixels.Count(p => Near(p, color));
            output.WriteLine($"{model}: {painted} pixels of its bar colour");
            Assert.True(painted > 2_000, $"{model}'s bars are not visible: {painted} pixels of its colour");
        }
    }

    private static bool Near(SKColor pixel, SKColor color) =>
        Math.Abs(pixel.Red - color.Red) <= 3 && Math.Abs(pixel.Green - color.Green) <= 3 && Math.Abs(pixel.Blue - color.Blue) <= 3;
}
