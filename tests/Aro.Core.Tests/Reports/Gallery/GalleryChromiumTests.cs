using System.Text;
using System.Text.RegularExpressions;
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
/// The gallery as a real browser shows it: headless Chromium loads a page holding the report's stylesheet and its
/// gallery section (written by the report's own code; the whole report is too tall for one screenshot to reach the
/// gallery), serialises the DOM and takes a screenshot. Every thumbnail must come back as an image element, and the
/// screenshot must show them: each thumbnail's most common colour, decoded here from its JPEG, must cover at least as
/// many pixels on screen, and the right and chosen-wrong rows their backgrounds. The screenshot and page are kept
/// under TestResults/gallery/ as artifacts. Skips without Chromium, except in CI.
/// </summary>
[Collection(EvaluatedResultsCollection.Name)]
public sealed partial class GalleryChromiumTests(EvaluatedResults results, ITestOutputHelper output)
{
    private const int Width = 1280;
    private const int Height = 5000;

    [SkippableFact]
    public void Chromium_shows_every_thumbnail_and_the_right_and_chosen_marks()
    {
        var chromium = Chromium.Require();
        var artifacts = RepoPaths.InRepo("TestResults", "gallery");
        Directory.CreateDirectory(artifacts);
        var page = Path.Combine(artifacts, "gallery.html");
        var png = Path.Combine(artifacts, "gallery.png");
        File.Delete(png);
        var models = ReportModels.Label([ResultsFolderReader.Read(results.Demo), ResultsFolderReader.Read(results.Blip)]);
        var gallery = FailureGallery.Build([.. models.Select(m => (m.Label, m.Folder))], ["relation", "coco-order"], new GalleryOptions(2));
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<style>\n").Append(ReportStyle.Css).Append("</style>\n</head>\n<body>\n");
        GallerySection.Write(html, models, gallery);
        File.WriteAllText(page, html.Append("</body>\n</html>\n").ToString());
        using var profile = new TempDirectory();

        var dom = Chromium.DumpDom(chromium, page, profile.File("dom"));
        Chromium.Screenshot(chromium, page, png, Width, Height, profile.File("shot"));

        var uris = gallery.Subsets.SelectMany(s => s.Panels.SelectMany(p => p.Cards.Select(c => c.Image))
            .Concat(s.Disagreements.SelectMany(d => d.FirstRight.Concat(d.SecondRight)).Select(c => c.Image))).Select(i => i.DataUri).OfType<string>().ToList();
        var images = ImageElements().Matches(dom).Select(m => m.Groups[1].Value).ToList();
        output.WriteLine($"{uris.Count} thumbnails, {images.Count} img elements in Chromium's DOM, screenshot at {png}");
        Assert.True(uris.Count >= 12, $"only {uris.Count} thumbnails");
        Assert.Equal(uris, images);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((Width, Height), (bitmap.Width, bitmap.Height));
        var screen = bitmap.Pixels;
        foreach (var group in uris.Select(Dominant).GroupBy(d => d.Color))
        {
            var (color, expected) = (group.Key, group.Sum(d => d.Count));
            var painted = screen.Count(p => Near(p, color, 4));
            output.WriteLine($"{color}: {painted} pixels on screen, {expected} in the thumbnails");
            Assert.True(painted >= expected * 0.95, $"thumbnail colour {color} covers {painted} pixels on screen, expected at least {expected}");
        }

        foreach (var (name, color) in new[] { ("right", new SKColor(0xE6, 0xF4, 0xEA)), ("chosen wrong", new SKColor(0xFC, 0xE8, 0xE6)) })
        {
            var painted = screen.Count(p => Near(p, color, 1));
            output.WriteLine($"{name} rows: {painted} pixels");
            Assert.True(painted > 5_000, $"the {name} rows' background is not visible: {painted} pixels");
        }
    }

    /// <summary>A thumbnail's most common colour, not near white (the page's background), and how many pixels have it.</summary>
    private static (SKColor Color, int Count) Dominant(string uri)
    {
        using var decoded = SKBitmap.Decode(Convert.FromBase64String(uri["data:image/jpeg;base64,".Length..]));
        return decoded.Pixels.Where(p => p.Red < 235 || p.Green < 235 || p.Blue < 235).GroupBy(p => p)
            .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => (uint)g.Key).First();
    }

    private static bool Near(SKColor pixel, SKColor color, int tolerance) =>
        Math.Abs(pixel.Red - color.Red) <= tolerance && Math.Abs(pixel.Green - color.Green) <= tolerance && Math.Abs(pixel.Blue - color.Blue) <= tolerance;

    [GeneratedRegex("<img class=\"thumb\"[^>]*src=\"(data:image/jpeg;base64,[^\"]+)\"")]
    private static partial Regex ImageElements();
}
