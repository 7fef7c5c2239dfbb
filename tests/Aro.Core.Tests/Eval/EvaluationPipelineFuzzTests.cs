using System.Globalization;
using System.Text;
using System.Text.Json;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Aro.Core.Tests.Support;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// <see cref="EvalJob"/> under <c>--on-error skip</c> on cases files whose every line is well formed but whose
/// content is hostile: images from the fuzz corpus (truncated, overwritten, spliced, declaring absurd sizes), paths to
/// nothing, to a folder or to /dev/zero, random and extreme crop boxes, odd and empty captions, option counts and
/// labels that cannot be scored. Each run must finish, every case either scored or skipped with a reason, and every
/// case with a valid image, box and captions scored.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class EvaluationPipelineFuzzTests(ITestOutputHelper output)
{
    private const int Runs = 8;
    private const int CasesPerRun = 40;
    private const int SpecialPaths = 7;

    private static readonly double[] ExtremeBoxValues = [0, -0.0, 0.4, 0.5, 1, 1.5, -1, -10, 36.6, 1e6, 1e9, 1e300, -1e300, 5e-324, 65_535, 65_536];

    [Fact]
    public async Task Hostile_cases_are_scored_or_skipped_never_fatal()
    {
        using var temp = new TempDirectory();
        var random = new Random(31);
        var pool = ImagePool(temp, random);
        var counts = new List<int>();
        var reasons = new List<string>();
        var inputs = Enumerable.Range(0, Runs).Select(run => CasesFile(run, pool, random));
        var report = await FuzzRunner.RunAsync("EvalJob --on-error skip", inputs, async input =>
        {
            var cases = temp.File($"{input.Description}.jsonl");
            await File.WriteAllBytesAsync(cases, input.Bytes);
            var outcome = await EvalJob.RunAsync(
                new EvalRequest(RepoPaths.InRepo("models", "demo"), cases, null, temp.File("out-" + input.Description),
                    new EvaluationSettings(BatchSize: 16, OnError: ErrorPolicy.Skip), RuntimeOptions.Default, NoCache: true, AllowSkips: true),
                new NullEvalObserver());
            counts.Add(outcome.Summaries.Single().Samples + outcome.Skipped);
            return Account(input, outcome, reasons);
        }, (_, error) => "a cases file of well-formed lines failed under --on-error skip", TimeSpan.FromSeconds(30));

        output.WriteLine($"{counts.Sum()} cases in {Runs} runs, {pool.Count} image paths; skip reasons:");
        foreach (var group in reasons.GroupBy(Kind).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Count(),4}  {group.Key}");
        }

        FuzzAssert.Clean(report, output, allocationBound: 1L << 30, minimumInputs: Runs);
        Assert.Equal(Runs * CasesPerRun, counts.Sum());
    }

    /// <summary>Every case is in predictions or skipped.csv, not both; every case expected to score did.</summary>
    private static string? Account(FuzzInput input, EvalOutcome outcome, List<string> reasons)
    {
        var lines = Encoding.UTF8.GetString(input.Bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();
        var scored = CsvTable.Read(Path.Combine(outcome.OutputDirectory, ResultFiles.Predictions(input.Description))).Rows.Select(r => r["id"]).ToHashSet();
        var skippedPath = Path.Combine(outcome.OutputDirectory, ResultFiles.Skipped);
        var skipped = File.Exists(skippedPath) ? CsvTable.Read(skippedPath).Rows : [];
        if (skipped.FirstOrDefault(r => string.IsNullOrWhiteSpace(r["reason"])) is { } silent)
        {
            return $"case {silent["id"]} skipped without a reason";
        }

        reasons.AddRange(skipped.Select(r => r["reason"]));
        var skippedIds = skipped.Select(r => r["id"]).ToHashSet();
        if (scored.Overlaps(skippedIds) || scored.Count + skippedIds.Count != ids.Count || !ids.All(id => scored.Contains(id) || skippedIds.Contains(id)))
        {
            return $"{ids.Count} cases, {scored.Count} scored, {skippedIds.Count} skipped";
        }

        var wronglySkipped = ids.Where(id => id.EndsWith("-sound", StringComparison.Ordinal) && skippedIds.Contains(id)).ToList();
        return wronglySkipped.Count == 0 ? null
            : $"sound cases skipped: {string.Join("; ", wronglySkipped.Select(id => $"{id}: {skipped.First(r => r["id"] == id)["reason"]}"))}";
    }

    private static FuzzInput CasesFile(int run, List<(string Path, bool Sound)> pool, Random random)
    {
        var captions = OddCaptions.Generate(CasesPerRun * 2, seed: run).Skip(1).Select(OddCaptions.Text).ToList();
        var lines = new List<string>();
        for (var i = 0; i < CasesPerRun; i++)
        {
            // The first run starts with each special path once (the pool ends with them); then paths are drawn.
            var (image, soundImage) = run == 0 && i < SpecialPaths ? pool[pool.Count - 1 - i] : pool[random.Next(pool.Count)];
            var optionCount = random.Next(10) switch { 0 => random.Next(2), _ => 2 };
            var options = (random.Next(3) == 0 ? captions.Skip(2 * i) : ["a red triangle", "a blue square"]).Take(optionCount).ToList();
            var label = random.Next(12) switch { 0 => 2, 1 => -1, var n => n % 2 };
            var bbox = random.Next(5) switch
            {
                0 or 1 => null,
                2 => Box(random, () => ExtremeBoxValues[random.Next(ExtremeBoxValues.Length)]),
                _ => Box(random, () => Math.Round((random.NextDouble() * 60) - 10, 1)),
            };
            var sound = soundImage && optionCount == 2 && label is 0 or 1 && options.All(o => o.Trim().Length > 0) && bbox is null;
            var id = string.Create(CultureInfo.InvariantCulture, $"r{run}-c{i}{(sound ? "-sound" : "")}");
            var record = new Dictionary<string, object?> { ["id"] = id, ["image"] = image, ["captions"] = options, ["label"] = label, ["group"] = $"g{i % 3}" };
            if (bbox is not null)
            {
                record["bbox"] = bbox;
            }

            lines.Add(JsonSerializer.Serialize(record));
        }

        return new FuzzInput($"run-{run}", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    /// <summary>A reason without the path and numbers, to count reasons by kind.</summary>
    private static string Kind(string reason)
    {
        var text = reason.StartsWith("image ", StringComparison.Ordinal) ? "image …" + reason[reason.IndexOf(": ", StringComparison.Ordinal)..] : reason;
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\[[^\]]*\]|\([^)]*\)|-?[0-9][0-9.E+-]*", "#");
        return text.Length > 90 ? text[..90] + "…" : text;
    }

    private static double[] Box(Random random, Func<double> pick) => [pick(), pick(), Math.Abs(pick()), Math.Abs(pick()) + (random.Next(4) == 0 ? -20 : 0)];

    /// <summary>
    /// Image paths relative to the cases files: every seed image (sound), a sample of the image fuzz corpus, and paths
    /// to nothing, a folder, an empty file and /dev/zero.
    /// </summary>
    private static List<(string Path, bool Sound)> ImagePool(TempDirectory temp, Random random)
    {
        var pool = new List<(string, bool)>();
        Directory.CreateDirectory(temp.File("pool"));
        for (var s = 0; s < ImageSeeds.All.Count; s++)
        {
            var seed = ImageSeeds.All[s];
            var name = $"pool/seed-{s}.{seed.Format}";
            File.WriteAllBytes(temp.File(name), seed.Input.Bytes);
            pool.Add((name, true));
            var mutants = ByteMutations.Truncations(seed.Input, 4, headerBytes: 0)
                .Concat(ByteMutations.Overwrites(seed.Input, random, 3))
                .Concat(ByteMutations.Splices(seed.Input, random, 2))
                .Concat(ImageHeaderEdits.For(seed, includeUnderLimit: false).Where(e => e.DeclaredPixels > 0).Take(2).Select(e => e.Input));
            var m = 0;
            foreach (var mutant in mutants)
            {
                var mutantName = $"pool/seed-{s}-mutant-{m++}.{seed.Format}";
                File.WriteAllBytes(temp.File(mutantName), mutant.Bytes);
                pool.Add((mutantName, false));
            }
        }

        File.WriteAllBytes(temp.File("pool", "empty.jpg"), []);
        File.Copy(temp.File("pool", "seed-0.jpeg"), temp.File("pool", "été 🙂.jpeg"));

        // Sound images outside the cases file's folder, by absolute path and through a link: refused (--allow-outside-data is off).
        var outside = Directory.GetFiles(RepoPaths.InRepo("data", "demo", "images"), "*.jpg").Order(StringComparer.Ordinal).First();
        File.CreateSymbolicLink(temp.File("pool", "linked-outside.jpg"), outside);
        pool.AddRange([(outside, false), ("pool/linked-outside.jpg", false)]);
        pool.AddRange([("pool/missing.jpg", false), ("pool", false), ("/dev/zero", false), ("", false), ("pool/empty.jpg", false),
            ("pool/../pool/seed-1.png", true), ("pool/été 🙂.jpeg", true)]);
        return pool;
    }
}
