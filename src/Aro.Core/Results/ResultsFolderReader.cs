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
                throw new AroInputException($"{full}: not a results folder: {ResultFiles.Summary} not found (write one with 'aro eval --out {path}')");
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
            File.Exists(runPath) ? RunProvenanceReader.Read(runPath) : null);
    }

    /// <summary>The group tables of one subset, read; none when the folder has no groups file for it.</summary>
    public static IReadOnlyList<GroupTable> FindTables(string folder, string subset)
    {
        if (subset.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || subset is "." or "..")
        {
            // A subset name that cannot be a file name (from a hand-edited summary.csv) has no group table, and
            // must never lead the lookup out of the folder.
            return [];
        }

        var single = System.IO.Path.Combine(folder, ResultFiles.Groups(subset));
        if (File.Exists(single))
        {
            return [new GroupTable(subset, null, single, GroupsCsvReader.Read(single))];
        }

        var prefix = subset + SeedInfix;
        var suffix = ResultFiles.Groups("");
        return [.. Directory.EnumerateFiles(folder)
            .Select(file => (File: file, Name: System.IO.Path.GetFileName(file)))
            .Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal) && f.Name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(f => (f.File, Seed: SeedOf(f.Name[prefix.Length..^suffix.Length])))
            .Where(f => f.Seed is not null)
            .OrderBy(f => f.Seed)
            .Select(f => new GroupTable(subset, f.Seed, f.File, GroupsCsvReader.Read(f.File)))];
    }

    private static int? SeedOf(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed) ? seed : null;
}
