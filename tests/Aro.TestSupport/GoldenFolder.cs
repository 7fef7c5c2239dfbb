using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Aro.TestSupport;

/// <summary>
/// Golden copies of a results folder, committed under <c>tests/golden/&lt;name&gt;/</c>: every file a run writes,
/// compared byte for byte (run.json after <see cref="NormaliseRunJson"/>, which drops the clock and replaces machine
/// paths by placeholders). They guard the output formats against accidental change: a deliberate change regenerates
/// them with <c>ARO_UPDATE_GOLDEN=1</c>, and the diff of the golden files is then reviewed like code.
/// </summary>
public static class GoldenFolder
{
    public const string UpdateVariable = "ARO_UPDATE_GOLDEN";

    /// <summary>Keys of run.json that differ from run to run by design (the clock, and the commit aro was built from).</summary>
    private static readonly string[] VolatileKeys = ["started_utc", "elapsed_seconds", "commit"];

    public static string PathOf(string name) => RepoPaths.InRepo("tests", "golden", name);

    /// <summary>
    /// Asserts that <paramref name="actualFolder"/> holds exactly the golden files of <paramref name="name"/> with the
    /// same content (or rewrites them when <see cref="UpdateVariable"/> is 1). Hidden entries (checkpoints) are ignored.
    /// </summary>
    public static void AssertMatches(string name, string actualFolder, IReadOnlyDictionary<string, string> placeholders)
    {
        var golden = PathOf(name);
        var actual = Directory.GetFiles(actualFolder)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetFileName(f), f => Normalise(f, placeholders), StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(golden))
            {
                Directory.Delete(golden, recursive: true);
            }

            Directory.CreateDirectory(golden);
            foreach (var (file, content) in actual)
            {
                File.WriteAllText(Path.Combine(golden, file), content);
            }

            return;
        }

        Assert.True(Directory.Exists(golden), $"no golden folder {golden}; run the test once with {UpdateVariable}=1 and review the files");
        var expected = Directory.GetFiles(golden).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var file in expected)
        {
            var want = File.ReadAllText(Path.Combine(golden, file));
            var got = actual[file];
            if (want != got)
            {
                Assert.Fail($"{file} differs from {Path.Combine(golden, file)}: {FirstDifference(want, got)}. " +
                    $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
            }
        }
    }

    private static string Normalise(string file, IReadOnlyDictionary<string, string> placeholders) =>
        Path.GetFileName(file) == "run.json" ? NormaliseRunJson(File.ReadAllText(file), placeholders) : File.ReadAllText(file);

    /// <summary>run.json without its clock fields, with each placeholder's path (longest first) replaced by its name.</summary>
    public static string NormaliseRunJson(string json, IReadOnlyDictionary<string, string> placeholders)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var key in VolatileKeys)
        {
            node.Remove(key);
        }

        var text = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        foreach (var (path, name) in placeholders.OrderByDescending(p => p.Key.Length))
        {
            text = text.Replace(JsonEncodedText.Encode(path).ToString(), name, StringComparison.Ordinal);
        }

        return text.ReplaceLineEndings("\n") + "\n";
    }

    private static string FirstDifference(string want, string got)
    {
        var wantLines = want.Split('\n');
        var gotLines = got.Split('\n');
        for (var i = 0; i < Math.Max(wantLines.Length, gotLines.Length); i++)
        {
            var w = i < wantLines.Length ? wantLines[i] : "<end of file>";
            var g = i < gotLines.Length ? gotLines[i] : "<end of file>";
            if (w != g)
            {
                return $"line {i + 1}: expected `{w}`, got `{g}`";
            }
        }

        return "line endings differ";
    }
}
