using System.Text.Json;
using Aro.Core.Statistics;
using Aro.TestSupport;

namespace Aro.Core.Tests.Statistics;

/// <summary>Reads tests/fixtures/reference/statistics, written by scripts/make_stats_reference.py.</summary>
internal static class StatisticsReference
{
    public static string Folder { get; } = RepoPaths.InRepo("tests", "fixtures", "reference", "statistics");

    public static readonly string[] Datasets = ["small", "vg-like", "order-like", "identical", "settings"];

    public static JsonElement Read(params string[] parts)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine([Folder, .. parts])));
        return document.RootElement.Clone();
    }

    public static JsonElement Dataset(string name) => Read("bootstrap", name + ".json");

    public static BootstrapSettings Settings(JsonElement dataset)
    {
        var settings = dataset.GetProperty("settings");
        return new BootstrapSettings(settings.GetProperty("resamples").GetInt32(), settings.GetProperty("seed").GetUInt64());
    }

    /// <summary>The dataset's group filter: at least <c>min_count</c> cases and not listed in <c>excluded</c>.</summary>
    public static Func<string, int, bool> Rule(JsonElement dataset)
    {
        var rule = dataset.GetProperty("rule");
        var minimum = rule.GetProperty("min_count").GetInt32();
        var excluded = rule.GetProperty("excluded").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        return (group, count) => count >= minimum && !excluded.Contains(group);
    }

    public static IReadOnlyList<CaseOutcome> Cases(JsonElement dataset, string run) =>
        [.. dataset.GetProperty(run).EnumerateArray().Select(c => new CaseOutcome(c[0].GetString()!, c[1].GetString()!, c[2].GetInt32() == 1))];

    public static ConfidenceInterval? Interval(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : new ConfidenceInterval(element[0].GetDouble(), element[1].GetDouble());

    public static IReadOnlyList<string> Strings(JsonElement element) => [.. element.EnumerateArray().Select(e => e.GetString()!)];
}
