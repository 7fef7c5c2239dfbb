using System.Globalization;

namespace Aro.TestSupport;

/// <summary>
/// Writes small results folders by hand (summary.csv, groups tables, run.json) in aro's CSV dialect, for tests of
/// the commands that read results: exact values, edge cases and hostile strings an evaluation would not produce.
/// </summary>
public sealed class HandWrittenResults(string directory)
{
    public string Directory { get; } = directory;

    public string SummaryPath => Path.Combine(Directory, "summary.csv");

    /// <summary>summary.csv with rows <c>(subset, samples, groups, micro, macro)</c> and no skipped cases.</summary>
    public HandWrittenResults Summary(params (string Subset, int Samples, int Groups, double Micro, double Macro)[] rows) =>
        Write("summary.csv", "subset,samples,groups,micro_accuracy,macro_accuracy,skipped",
            rows.Select(r => $"{Quote(r.Subset)},{Int(r.Samples)},{Int(r.Groups)},{Fixed(r.Micro)},{Fixed(r.Macro)},0"));

    /// <summary><c>&lt;stem&gt;.groups.csv</c> with rows <c>(group, count, accuracy, included)</c>.</summary>
    public HandWrittenResults Groups(string stem, params (string Group, int Count, double Accuracy, bool Included)[] rows) =>
        Write($"{stem}.groups.csv", "group,count,accuracy,included",
            rows.Select(r => $"{Quote(r.Group)},{Int(r.Count)},{Fixed(r.Accuracy)},{(r.Included ? "true" : "false")}"));

    /// <summary><c>&lt;stem&gt;.predictions.csv</c> with the per-case columns a comparison pairs: <c>(id, group, correct)</c>.</summary>
    public HandWrittenResults Predictions(string stem, IEnumerable<(string Id, string Group, bool Correct)> cases) =>
        Write($"{stem}.predictions.csv", "index,id,group,label,prediction,correct",
            cases.Select((c, i) => $"{Int(i)},{Quote(c.Id)},{Quote(c.Group)},0,{(c.Correct ? 0 : 1)},{(c.Correct ? "true" : "false")}"));

    /// <summary>A minimal run.json naming the model.</summary>
    public HandWrittenResults Run(string modelName, string family = "clip", string scoring = "itc") =>
        Write("run.json", $$"""
            {
              "aro_version": "0.1.0",
              "model": { "name": {{Json(modelName)}}, "directory": "/models/x", "layout": "aro", "family": {{Json(family)}}, "scoring": {{Json(scoring)}},
                         "files": [ { "path": "/models/x/vision_model.onnx", "sha256": "00ff" } ] },
              "subsets": [],
              "seeds": [ 1 ],
              "limit": null,
              "batch_size": 32,
              "onnxruntime_version": "1.31.1",
              "execution_provider": "CPUExecutionProvider",
              "started_utc": "2025-01-02T03:04:05Z",
              "elapsed_seconds": 1.5
            }
            """);

    /// <summary>Any file in the folder, verbatim.</summary>
    public HandWrittenResults Write(string name, string header, IEnumerable<string> lines)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, name), string.Join("\n", lines.Prepend(header)) + "\n");
        return this;
    }

    public HandWrittenResults Write(string name, string content)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, name), content);
        return this;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Fixed(double value) => value.ToString("F7", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
