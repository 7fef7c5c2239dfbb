using Aro.Core.Benchmarks;
using System.Globalization;
using Aro.Core.Perturbations;

namespace Aro.Core.Results;

/// <summary>
/// Finds and reads a results folder. The path may be the folder or its summary.csv (what a CI job has at hand);
/// group tables are <c>&lt;subset&gt;.groups.csv</c>, or <c>&lt;subset&gt;.seed-N.groups.csv</c> for an Order subset
/// run with several seeds.
/// </summary>
public static class ResultsFolderReader
{
    private const string SeedInfix = ".seed-";

    /// <summary>Reads summary.csv, seeds.csv and run.json, and the group tables when <paramref name="withGroups"/>.</summary>
    public static ResultsFolder Read(string path, bool withGroups = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        string folder;
        string summary;
        if (Directory.Exists(full))
        {
            folder = full;
            summary = System.IO.Path.Combine(full, ResultFiles.Summary);
            if (!File.Exists(summary))
            {
                throw NotAResultsFolder(full);
            }
        }
        else if (File.Exists(full))
        {
            folder = System.IO.Path.GetDirectoryName(full)!;
            summary = full;
        }
        else
        {
            throw new AroInputException($"{full}: no such results folder or summary.csv");
        }

        var rows = SummaryCsvReader.Read(summary);
        var seedsPath = System.IO.Path.Combine(folder, ResultFiles.Seeds);
        var runPath = System.IO.Path.Combine(folder, ResultFiles.Run);
        return new ResultsFolder(
            folder,
            summary,
            rows,
            withGroups ? [.. rows.SelectMany(r => FindTables(folder, r.Subset))] : [],
            File.Exists(seedsPath) ? SeedsCsvReader.Read(seedsPath) : [],
            File.Exists(runPath) ? RunProvenanceReader.Read(runPath) : null,
            withGroups ? [.. rows.SelectMany(r => FindDiagnostics(folder, r.Subset))] : []);
    }

    /// <summary>A folder without summary.csv: says what it looks like (a data folder, say) and where results folders are.</summary>
    private static AroInputException NotAResultsFolder(string folder)
    {
        var data = BenchmarkRegistry.Subsets.Select(s => s.Data.MarkerFile).Distinct(StringComparer.Ordinal)
            .Where(marker => File.Exists(System.IO.Path.Combine(folder, marker)))
            .Concat(Directory.EnumerateFiles(folder, "*.jsonl").Select(System.IO.Path.GetFileName).OfType<string>())
            .Order(StringComparer.Ordinal).ToList();
        var looksLike = data.Count > 0 ? $" It looks like a data folder (it holds {string.Join(", ", data.Take(3))}{(data.Count > 3 ? ", ..." : "")}), which is what aro eval reads, not what it writes." : "";
        var results = System.IO.Path.GetFullPath("results");
        var known = Directory.Exists(results)
            ? Directory.EnumerateDirectories(results).Where(d => File.Exists(System.IO.Path.Combine(d, ResultFiles.Summary)))
                .Select(d => System.IO.Path.Combine("results", System.IO.Path.GetFileName(d))).Order(StringComparer.Ordinal).Take(5).ToList()
            : [];
        var here = known.Count > 0 ? $" Results folders here: {string.Join(", ", known)}." : "";
        return new AroInputException(
            $"{folder} is not a results folder: it has no {ResultFiles.Summary}.{looksLike} Pass a folder written by aro eval (results/<model> by default, or its --out).{here}");
    }

    /// <summary>The diagnostics files of one subset (its definition names their suffix), read; none when it keeps none.</summary>
    public static IReadOnlyList<DiagnosticTable> FindDiagnostics(string folder, string subset)
    {
        if (BenchmarkRegistry.Describe(subset).Diagnostics is not { } definition)
        {
            return [];
        }

        return [.. FindFiles(folder, subset, stem => ResultFiles.Diagnostics(stem, definition.FileSuffix))
            .Select(f => new DiagnosticTable(subset, f.Seed, f.Path, CsvInput.ReadAll(f.Path, definition.Columns)))];
    }

    /// <summary>The group tables of one subset, read; none when the folder has no groups file for it.</summary>
    public static IReadOnlyList<GroupTable> FindTables(string folder, string subset)
    {
        return [.. FindFiles(folder, subset, ResultFiles.Groups).Select(f => new GroupTable(subset, f.Seed, f.Path, GroupsCsvReader.Read(f.Path)))];
    }

    /// <summary>The predictions files of one subset: the single run's, or one per seed in seed order.</summary>
    public static IReadOnlyList<(string Path, int? Seed)> FindPredictions(string folder, string subset) =>
        FindFiles(folder, subset, ResultFiles.Predictions);

    /// <summary>
    /// A subset's files named by <paramref name="name"/>(stem): the single run's, or one per seed (<c>coco-order.seed-2…</c>) in
    /// seed order; none for a subset name that cannot be a file name (a hand-edited summary.csv must never lead the
    /// lookup out of the folder).
    /// </summary>
    private static IReadOnlyList<(string Path, int? Seed)> FindFiles(string folder, string subset, Func<string, string> name)
    {
        if (subset.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || subset is "." or "..")
        {
            return [];
        }

        var single = System.IO.Path.Combine(folder, name(subset));
        if (File.Exists(single))
        {
            return [(single, null)];
        }

        var prefix = subset + SeedInfix;
        var suffix = name("");
        return [.. Directory.EnumerateFiles(folder)
            .Select(file => (File: file, Name: System.IO.Path.GetFileName(file)))
            .Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal) && f.Name.EndsWith(suffix, StringComparison.Ordinal) && f.Name.Length > prefix.Length + suffix.Length)
            .Select(f => (Path: f.File, Seed: SeedOf(f.Name[prefix.Length..^suffix.Length])))
            .Where(f => f.Seed is not null)
            .OrderBy(f => f.Seed)];
    }

    private static int? SeedOf(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed) ? seed : null;
}
