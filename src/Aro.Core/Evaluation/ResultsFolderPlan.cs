using System.Text.Json;
using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// What a new run does with a results folder that already holds results, decided before anything is evaluated so a
/// folder always holds exactly one consistent run:
/// <list type="bullet">
/// <item>an empty folder, or one without results: a fresh run;</item>
/// <item>a folder holding a run of the same model and settings (<see cref="RunIdentity"/>): the runs merge; subsets
/// this run evaluates are replaced, the others are kept — their files stay and summary.csv and run.json list them,
/// marked as from the earlier run;</item>
/// <item>anything else — another model or other settings, results without a run.json, result files no run.json
/// names: refused (exit 2) unless <c>--force</c>, which removes the old results first.</item>
/// </list>
/// </summary>
internal sealed class ResultsFolderPlan
{
    private ResultsFolderPlan(RunManifest? earlier, IReadOnlyList<SummaryRow> earlierSummary, IReadOnlyList<RunSubset> kept)
    {
        Earlier = earlier;
        EarlierSummary = earlierSummary;
        Kept = kept;
    }

    /// <summary>The earlier run merged into, or null for a fresh run.</summary>
    public RunManifest? Earlier { get; }

    /// <summary>The earlier run's summary rows, in its order.</summary>
    public IReadOnlyList<SummaryRow> EarlierSummary { get; }

    /// <summary>The earlier run's subset runs this run does not replace.</summary>
    public IReadOnlyList<RunSubset> Kept { get; }

    /// <summary>Decides what to do with <paramref name="outDir"/> for a run of <paramref name="stems"/> with <paramref name="identity"/>.</summary>
    /// <param name="outDir">The results folder.</param>
    /// <param name="identity">This run's model and settings.</param>
    /// <param name="stems">The result stems this run writes.</param>
    /// <param name="seeded">Whether any subset of this run is generated from a seed.</param>
    /// <param name="force">Replace whatever is there.</param>
    /// <param name="resumed">Stems <c>--resume</c> continues: their files are the interrupted run's, whose checkpoint
    /// vouches for them (its run key is compared with this run's before anything is reused).</param>
    /// <param name="interrupted">An interrupted run left checkpoints that this run would discard: a refusal says
    /// <c>--resume</c>.</param>
    public static ResultsFolderPlan Decide(
        string outDir, RunIdentity identity, IReadOnlyCollection<string> stems, bool seeded, bool force,
        IReadOnlyCollection<string>? resumed = null, bool interrupted = false)
    {
        var vouched = new HashSet<string>((resumed ?? []).SelectMany(stem => FilesOf(null, stem)), StringComparer.Ordinal);
        var results = ResultFilesIn(outDir).Where(f => !vouched.Contains(Path.GetFileName(f))).ToList();
        var runPath = Path.Combine(outDir, ResultFiles.Run);
        if (results.Count == 0 && !File.Exists(runPath))
        {
            return Fresh();
        }

        if (force)
        {
            RemoveResults(outDir, results);
            return Fresh();
        }

        var refuse = interrupted
            ? "add --resume to continue the interrupted run, evaluate into another --out, or add --force to replace what is there"
            : "evaluate into another --out, or add --force to replace what is there";
        if (!File.Exists(runPath))
        {
            throw new AroInputException(
                $"{outDir} holds results without a run.json ({DataPullContext.First([.. results.Select(Path.GetFileName).OfType<string>()])}), so aro cannot tell whether they belong with this run; {refuse}");
        }

        RunManifest earlier;
        try
        {
            earlier = RunManifestWriter.Read(runPath);
        }
        catch (Exception ex) when (ex is JsonException or AroInputException or NotSupportedException)
        {
            throw new AroInputException($"{runPath}: unreadable ({ex.Message.Split('\n')[0]}), so aro cannot tell whether its results belong with this run; {refuse}", ex);
        }

        // Seeds only decide generated cases: they must agree when subsets kept from the earlier run and subsets of
        // this run both have seeds; a relation run beside an earlier Order run with --seeds 1,2,3 is the same run.
        var keptSubsets = earlier.Subsets.Where(s => !stems.Contains(s.ResultStem)).ToList();
        var seedsMatter = seeded && keptSubsets.Any(s => s.Seed is not null);
        var differences = identity.DifferencesFrom(earlier, seedsMatter);
        if (differences.Count > 0)
        {
            throw new AroInputException(
                $"{outDir} holds another run's results ({string.Join("; ", differences)}); mixing them would give a folder no single run produced. {char.ToUpperInvariant(refuse[0])}{refuse[1..]}.");
        }

        var known = new HashSet<string>(earlier.Subsets.SelectMany(s => FilesOf(s.Name, s.ResultStem)), StringComparer.Ordinal);
        known.UnionWith(stems.SelectMany(stem => FilesOf(null, stem)));
        var orphans = results.Where(f => !known.Contains(Path.GetFileName(f)) && !RunLevelFiles.Contains(Path.GetFileName(f))).ToList();
        if (orphans.Count > 0)
        {
            throw new AroInputException(
                $"{outDir} holds result files its run.json does not list ({DataPullContext.First([.. orphans.Select(Path.GetFileName).OfType<string>()])}); {refuse}");
        }

        var summaryPath = Path.Combine(outDir, ResultFiles.Summary);
        var summary = File.Exists(summaryPath) ? SummaryCsvReader.Read(summaryPath) : [];
        return new ResultsFolderPlan(earlier, summary, keptSubsets);
    }

    /// <summary>
    /// Refuses a folder that already holds results, for writers that cannot merge (<c>aro merge</c>): what is there
    /// would otherwise sit beside the new files as if one run had made them.
    /// </summary>
    /// <param name="outDir">The folder.</param>
    /// <param name="what">The verb for the message, e.g. <c>merge</c>.</param>
    /// <param name="force">Remove what is there instead of refusing.</param>
    public static void RequireNoResults(string outDir, string what, bool force)
    {
        var results = ResultFilesIn(outDir);
        if (results.Count > 0 && force)
        {
            RemoveResults(outDir, results);
        }
        else if (results.Count > 0)
        {
            throw new AroInputException(
                $"{outDir} already holds results ({DataPullContext.First([.. results.Select(Path.GetFileName).OfType<string>()])}); {what} into a new or empty folder, or add --force to replace them");
        }
    }

    /// <summary>
    /// summary.csv's rows after this run: the earlier run's order with the subsets this run evaluated replaced, then
    /// subsets new to the folder in this run's order.
    /// </summary>
    public IReadOnlyList<SummaryRow> MergeSummary(IReadOnlyList<SummaryRow> thisRun)
    {
        var keptNames = new HashSet<string>(Kept.Select(k => k.Name), StringComparer.Ordinal);
        var fresh = thisRun.ToDictionary(r => r.Subset, StringComparer.Ordinal);
        var rows = new List<SummaryRow>();
        foreach (var row in EarlierSummary)
        {
            if (fresh.Remove(row.Subset, out var replaced))
            {
                rows.Add(replaced);
            }
            else if (keptNames.Contains(row.Subset))
            {
                rows.Add(row);
            }
        }

        rows.AddRange(thisRun.Where(r => fresh.ContainsKey(r.Subset)));
        return rows;
    }

    private static readonly HashSet<string> RunLevelFiles = new(StringComparer.Ordinal)
    {
        ResultFiles.Summary, ResultFiles.Run, ResultFiles.Seeds, ResultFiles.Skipped,
    };

    private static ResultsFolderPlan Fresh() => new(null, [], []);

    /// <summary>The files a subset run writes: its predictions, groups and (when its definition keeps any) diagnostics.</summary>
    private static IEnumerable<string> FilesOf(string? subset, string stem)
    {
        yield return ResultFiles.Predictions(stem);
        yield return ResultFiles.Groups(stem);
        foreach (var definition in BenchmarkRegistry.Subsets.Select(s => s.Diagnostics).OfType<DiagnosticsDefinition>().Distinct())
        {
            if (subset is null || BenchmarkRegistry.Describe(subset).Diagnostics == definition)
            {
                yield return ResultFiles.Diagnostics(stem, definition.FileSuffix);
            }
        }
    }

    /// <summary>Every file in <paramref name="folder"/> that looks like one aro writes into a results folder.</summary>
    private static List<string> ResultFilesIn(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder)
            .Where(f => Path.GetFileName(f) is var name && name is not null
                && (RunLevelFiles.Contains(name) || name.EndsWith(".predictions.csv", StringComparison.Ordinal) || name.EndsWith(".groups.csv", StringComparison.Ordinal)
                    || BenchmarkRegistry.Subsets.Select(s => s.Diagnostics).OfType<DiagnosticsDefinition>().Any(d => name.EndsWith($".{d.FileSuffix}.csv", StringComparison.Ordinal))))
            .Order(StringComparer.Ordinal)];
    }

    private static void RemoveResults(string folder, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }

        var checkpoints = Path.Combine(folder, Checkpoints.CheckpointFolder.FolderName);
        if (Directory.Exists(checkpoints))
        {
            Directory.Delete(checkpoints, recursive: true);
        }
    }
}

/// <summary>What must be the same for two runs' results to share a folder: the model and the settings that change results.</summary>
/// <param name="ModelName">The model's name.</param>
/// <param name="Fingerprint">The model's fingerprint (its files and resolved settings), hex.</param>
/// <param name="Scoring">How options were scored.</param>
/// <param name="Seeds">The seeds of generated cases.</param>
/// <param name="Limit">The case limit per subset.</param>
/// <param name="Shard">The shard.</param>
/// <param name="OnError">The error policy.</param>
internal sealed record RunIdentity(string ModelName, string Fingerprint, string Scoring, IReadOnlyList<int> Seeds, int? Limit, string? Shard, string OnError)
{
    /// <summary>How an earlier run differs, one phrase each (empty when the runs can share a folder).</summary>
    /// <param name="earlier">The earlier run's manifest.</param>
    /// <param name="seedsMatter">Whether a difference of seeds counts (both runs' kept and new subsets use seeds).</param>
    public IReadOnlyList<string> DifferencesFrom(RunManifest earlier, bool seedsMatter = true)
    {
        var differences = new List<string>();
        if (earlier.Model?.Fingerprint != Fingerprint)
        {
            differences.Add(earlier.Model?.Fingerprint is null
                ? $"model '{earlier.Model?.Name}' by an aro that recorded no model fingerprint"
                : earlier.Model.Name == ModelName ? $"model '{ModelName}' with other files or settings" : $"model '{earlier.Model.Name}', not '{ModelName}'");
        }

        if (earlier.Model?.Scoring != Scoring)
        {
            differences.Add($"scoring {earlier.Model?.Scoring}, not {Scoring}");
        }

        if (seedsMatter && !(earlier.Seeds ?? []).SequenceEqual(Seeds))
        {
            differences.Add($"seeds {string.Join(",", earlier.Seeds ?? [])}, not {string.Join(",", Seeds)}");
        }

        if (earlier.Limit != Limit)
        {
            differences.Add($"--limit {earlier.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not {Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
        }

        if (earlier.Shard != Shard)
        {
            differences.Add($"shard {earlier.Shard ?? "none"}, not {Shard ?? "none"}");
        }

        if (earlier.OnError != OnError)
        {
            differences.Add($"--on-error {earlier.OnError}, not {OnError}");
        }

        return differences;
    }
}
