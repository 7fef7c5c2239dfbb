using System.Buffers.Binary;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// <c>--on-error skip</c> end to end on models/demo: every case that is well formed but cannot be scored lands in
/// skipped.csv with its reason and out of every metric, and the other cases score exactly as in a run without the bad
/// ones. Under <c>fail</c> the first bad case stops the run, named.
/// </summary>
public sealed class SkipPolicyTests
{
    /// <summary>Bad cases, each with a fragment of the reason skipped.csv must give.</summary>
    private static readonly (string Id, string Line, string Reason)[] BadCases =
    [
        ("bad-missing", Case("bad-missing", "images/missing.jpg"), "file not found"),
        ("bad-truncated", Case("bad-truncated", "images/truncated.jpg"), "truncated"),
        ("bad-huge", Case("bad-huge", "images/huge.png"), "more than the limit of 89478485"),
        ("bad-not-image", Case("bad-not-image", "images/not-an-image.jpg"), "not a recognised image format"),
        ("bad-negative-box", Case("bad-negative-box", "images/img_00.jpg", bbox: "[10, 10, -5, 20]"), "non-positive or non-finite size"),
        ("bad-zero-box", Case("bad-zero-box", "images/img_00.jpg", bbox: "[10, 10, 0, 20]"), "non-positive or non-finite size"),
        ("bad-rounded-box", Case("bad-rounded-box", "images/img_00.jpg", bbox: "[3, 3, 0.4, 10]"), "empty after rounding"),
        ("bad-long-box", Case("bad-long-box", "images/img_00.jpg", bbox: "[0, 0, 1, 1e6]"), "a side longer than the limit"),
        ("bad-empty-caption", Case("bad-empty-caption", "images/img_01_portrait.jpg", captions: """["", "a cat"]"""), "caption option 0 is empty"),
        ("bad-blank-caption", Case("bad-blank-caption", "images/img_01_portrait.jpg", captions: """["a cat", " \t "]"""), "caption option 1 is empty"),
        ("bad-one-option", Case("bad-one-option", "images/img_02_rgba.png", captions: """["a cat"]"""), "has 1 caption option(s)"),
        ("bad-no-options", Case("bad-no-options", "images/img_02_rgba.png", captions: "[]"), "has 0 caption option(s)"),
        ("bad-label-high", Case("bad-label-high", "images/img_05.jpg", label: 2), "label 2 is not an option index"),
        ("bad-label-negative", Case("bad-label-negative", "images/img_05.jpg", label: -1), "label -1 is not an option index"),
    ];

    private static readonly string[] GoodCases =
    [
        Case("good-0", "images/img_00.jpg"),
        Case("good-1", "images/img_01_portrait.jpg", bbox: "[5.5, 10, 60, 40.5]", group: "b"),
        Case("good-2", "images/img_02_rgba.png", captions: """["three shapes", "a blue circle"]""", label: 0),
        Case("good-3", "images/img_05.jpg", bbox: "[-10, -10, 500, 500]", group: "b"),
        Case("good-4", "images/img_00.jpg", captions: """["a red triangle", "an orange rectangle"]"""),
        Case("good-5", "images/img_01_portrait.jpg", group: "b"),
    ];

    [Fact]
    public async Task Bad_cases_are_skipped_with_their_reasons_and_the_rest_score_as_without_them()
    {
        using var temp = Workspace();
        var mixed = temp.Write("mixed.jsonl", string.Join('\n', Interleave()) + "\n");
        var good = temp.Write("good.jsonl", string.Join('\n', GoodCases) + "\n");

        var withBad = await RunAsync(mixed, temp.File("out-mixed"), ErrorPolicy.Skip);
        var without = await RunAsync(good, temp.File("out-good"), ErrorPolicy.Skip);

        var skipped = CsvTable.Read(Path.Combine(withBad.OutputDirectory, ResultFiles.Skipped)).Rows;
        Assert.Equal(BadCases.Select(b => b.Id).Order(), skipped.Select(r => r["id"]).Order());
        foreach (var (id, _, reason) in BadCases)
        {
            var row = skipped.Single(r => r["id"] == id);
            Assert.True(row["reason"].Contains(reason, StringComparison.Ordinal), $"{id}: reason '{row["reason"]}' lacks '{reason}'");
            Assert.Equal("mixed", row["subset"]);
        }

        var summary = Assert.Single(withBad.Summaries);
        var reference = Assert.Single(without.Summaries);
        Assert.Equal(GoodCases.Length, summary.Samples);
        Assert.Equal(BadCases.Length, summary.Skipped);
        Assert.Equal(reference.Samples, summary.Samples);
        Assert.Equal(reference.Correct, summary.Correct);
        Assert.Equal(reference.MicroAccuracy, summary.MicroAccuracy);
        Assert.Equal(reference.MacroAccuracy, summary.MacroAccuracy);
        Assert.Equal(reference.Groups, summary.Groups);
        Assert.False(File.Exists(Path.Combine(without.OutputDirectory, ResultFiles.Skipped)));

        // Row by row, everything but the position in the file.
        var scored = ByIdWithoutIndex(Path.Combine(withBad.OutputDirectory, ResultFiles.Predictions("mixed")));
        var expected = ByIdWithoutIndex(Path.Combine(without.OutputDirectory, ResultFiles.Predictions("good")));
        Assert.Equal(expected, scored);
    }

    [Fact]
    public async Task Under_fail_the_first_bad_case_stops_the_run_naming_it()
    {
        using var temp = Workspace();
        var mixed = temp.Write("mixed.jsonl", string.Join('\n', Interleave()) + "\n");

        var error = await Assert.ThrowsAnyAsync<AroException>(() => RunAsync(mixed, temp.File("out"), ErrorPolicy.Fail));

        Assert.Equal(2, error.ExitCode);
        Assert.Contains($"case {BadCases[0].Id}: ", error.Message);
        Assert.Contains("file not found", error.Message);
        Assert.Contains("--on-error skip", error.Message);
    }

    [Fact]
    public async Task A_malformed_line_is_an_error_even_under_skip()
    {
        using var temp = Workspace();
        var broken = temp.Write("broken.jsonl", string.Join('\n', GoodCases[..2]) + "\n" + """{"id": "x", "image": "images/img_00.jpg", "captions": ["a", 2], "label": 0}""" + "\n");

        var error = await Assert.ThrowsAsync<AroInputException>(() => RunAsync(broken, temp.File("out"), ErrorPolicy.Skip));

        Assert.Contains("broken.jsonl: line 3: field 'captions' must hold only strings", error.Message);
    }

    private static Task<EvalOutcome> RunAsync(string cases, string outDir, ErrorPolicy policy) =>
        EvalJob.RunAsync(
            new EvalRequest(RepoPaths.InRepo("models", "demo"), cases, null, outDir,
                new EvaluationSettings(BatchSize: 3, OnError: policy), RuntimeOptions.Default, NoCache: true, AllowSkips: true),
            new NullEvalObserver());

    /// <summary>Good and bad cases alternating, so bad ones sit in every batch and at both ends.</summary>
    private static IEnumerable<string> Interleave()
    {
        var good = 0;
        for (var bad = 0; bad < BadCases.Length; bad++)
        {
            yield return BadCases[bad].Line;
            if (bad % 2 == 1 && good < GoodCases.Length)
            {
                yield return GoodCases[good++];
            }
        }

        while (good < GoodCases.Length)
        {
            yield return GoodCases[good++];
        }
    }

    private static string Case(string id, string image, string? bbox = null, string captions = """["a red triangle", "a blue square"]""", int label = 1, string group = "a") =>
        $$"""{"id": "{{id}}", "image": "{{image}}", {{(bbox is null ? "" : $"\"bbox\": {bbox}, ")}}"captions": {{captions}}, "label": {{label}}, "group": "{{group}}"}""";

    private static Dictionary<string, string> ByIdWithoutIndex(string predictions) =>
        CsvTable.Read(predictions).Rows.ToDictionary(r => r["id"], r => string.Join(',', r.Where(c => c.Key != "index").Select(c => $"{c.Key}={c.Value}")));

    /// <summary>A folder with demo images, a truncated JPEG, a PNG declaring 100000 x 100000 and a text file named .jpg.</summary>
    private static TempDirectory Workspace()
    {
        var temp = new TempDirectory();
        var images = RepoPaths.InRepo("data", "demo", "images");
        Directory.CreateDirectory(temp.File("images"));
        foreach (var name in new[] { "img_00.jpg", "img_01_portrait.jpg", "img_02_rgba.png", "img_05.jpg" })
        {
            File.Copy(Path.Combine(images, name), temp.File("images", name));
        }

        var jpeg = File.ReadAllBytes(Path.Combine(images, "img_05.jpg"));
        File.WriteAllBytes(temp.File("images", "truncated.jpg"), jpeg[..(jpeg.Length * 2 / 5)]);
        var png = File.ReadAllBytes(Path.Combine(images, "img_02_rgba.png"));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32.Of(png.AsSpan(12, 17)));
        File.WriteAllBytes(temp.File("images", "huge.png"), png);
        temp.Write("images/not-an-image.jpg", "this is not an image\n");
        return temp;
    }
}
