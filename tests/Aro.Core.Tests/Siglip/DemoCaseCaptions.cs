using System.Globalization;
using System.Text.Json;
using Aro.TestSupport;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// The options of data/demo's cases, read straight from the files (ids as aro numbers VG records,
/// <c>vg-relation-000000</c>; options [false, true] for VG), so these fixture checks need no case reader.
/// </summary>
internal static class DemoCaseCaptions
{
    public static Dictionary<string, IReadOnlyList<string>> Read(string subset)
    {
        var data = RepoPaths.InRepo("data", "demo");
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (subset == "cases")
        {
            foreach (var line in File.ReadLines(Path.Combine(data, "cases.jsonl")).Where(l => l.Length > 0))
            {
                using var record = JsonDocument.Parse(line);
                result[record.RootElement.GetProperty("id").GetString()!] =
                    [.. record.RootElement.GetProperty("captions").EnumerateArray().Select(c => c.GetString()!)];
            }

            return result;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, $"visual_genome_{subset}.json")));
        var index = 0;
        foreach (var record in document.RootElement.EnumerateArray())
        {
            var id = $"vg-{subset}-{index.ToString("D6", CultureInfo.InvariantCulture)}";
            result[id] = [record.GetProperty("false_caption").GetString()!, record.GetProperty("true_caption").GetString()!];
            index++;
        }

        return result;
    }
}
