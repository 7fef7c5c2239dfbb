using Aro.Core.Benchmarks;
using Aro.Core.Benchmarks.Aro;
using Aro.Core.Cases;
using Aro.Core.IO;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Reports.Merging;

/// <summary>
/// <c>aro merge</c>: combines the results folders of <c>aro eval --shard i/n</c> runs (all n shards of the same model,
/// data and settings) into one folder identical to a single run's: prediction rows are merged in case order byte for
/// byte, tallies and Order diagnostics are summed, and summary.csv, groups, seeds and skipped files are rebuilt.
/// </summary>
public static class ResultMerger
{
    /// <param name="shardDirs">The shards' results folders.</param>
    /// <param name="outDir">The merged folder: new or empty.</param>
    /// <param name="commandLine">The merge's own command line, recorded in run.json (the shards' are in theirs).</param>
    /// <param name="force">Replace results already in <paramref name="outDir"/> instead of refusing.</param>
    public static RunManifest Merge(IReadOnlyList<string> shardDirs, string outDir, IReadOnlyList<string>? commandLine = null, bool force = false)
    {
        var shards = shardDirs.Select(Load).ToList();
        var output = Path.GetFullPath(outDir);
        // The shards are value tuples: FirstOrDefault would return a default tuple, never null, so search by index.
        var inputIndex = shards.FindIndex(s => string.Equals(s.Dir.TrimEnd(Path.DirectorySeparatorChar), output.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal));
        if (inputIndex >= 0)
        {
            var input = shards[inputIndex];
            throw new AroInputException($"aro merge: --out {output} is one of the shards it reads ({input.Shard}); merge into a new folder");
        }

        Check(shards);
        Directory.CreateDirectory(output);
        using var folderLock = FolderLock.Acquire(output, "aro merge results");
        Evaluation.ResultsFolderPlan.RequireNoResults(output, "merge", force);
        var first = shards[0].Manifest;
        var runs = new List<(int? Seed, int SeedCount, SubsetSummary Summary)>();
        var skipped = new List<(string, SkippedCase)>();
        var merged = new List<RunSubset>();
        foreach (var subsetRun in first.Subsets)
        {
            var subset = BenchmarkRegistry.Describe(subsetRun.Name);
            var stem = subsetRun.ResultStem;
            var summary = MergeSubset(subset, stem, shards.Select(s => s.Dir).ToList(), output);
            summary = summary with { Partial = SubsetSummary.PartialBecause(subset, summary.Samples, summary.Skipped, first.Limit, null) };
            runs.Add((subsetRun.Seed, subsetRun.Seed is null ? 1 : first.Seeds.Count, summary));
            skipped.AddRange(summary.SkippedCases.Select(c => (stem, c)));
            merged.Add(subsetRun with { Samples = summary.Samples, Skipped = summary.Skipped, MetricOfRecord = summary.MetricOfRecord, Partial = summary.Partial });
        }

        var (summaries, seeds) = RunResults.Build(runs);
        ResultFolderWriter.WriteRunFiles(output, [.. summaries.Select(s => s.ToRow(first.Model.Name))], seeds, skipped);
        var manifest = first with
        {
            CommandLine = commandLine,
            Subsets = merged,
            Shard = null,
            EncoderCalls = shards.Select(s => s.Manifest.EncoderCalls).Aggregate((a, b) => a.Plus(b)),
            StartedUtc = shards.Select(s => s.Manifest.StartedUtc).Order(StringComparer.Ordinal).First(),
            ElapsedSeconds = Math.Round(shards.Sum(s => s.Manifest.ElapsedSeconds), 3),
            AllowOutsideData = shards.Any(s => s.Manifest.AllowOutsideData == true) ? true : null,
        };
        RunManifestWriter.Write(Path.Combine(output, ResultFiles.Run), manifest);
        return manifest;
    }

    private static (string Dir, RunManifest Manifest, Shard Shard) Load(string dir)
    {
        var path = Path.Combine(dir, ResultFiles.Run);
        if (!File.Exists(path))
        {
            throw new AroInputException($"{Path.GetFullPath(dir)} is not a results folder: {ResultFiles.Run} is missing");
        }

        var manifest = RunManifestWriter.Read(path);
        var shard = manifest.Shard is { } text
            ? Shard.Parse(text)
            : throw new AroInputException($"{path}: this run was not sharded (field 'shard' is null); aro merge combines the folders of aro eval --shard i/n runs");
        return (Path.GetFullPath(dir), manifest, shard);
    }

    private static void Check(List<(string Dir, RunManifest Manifest, Shard Shard)> shards)
    {
        if (shards.Count == 0)
        {
            throw new AroInputException("aro merge needs the results folders of the shards");
        }

        var first = shards[0];
        var count = first.Shard.Count;
        foreach (var (dir, manifest, shard) in shards)
        {
            Require(shard.Count == count, dir, $"is shard {shard} but {first.Dir} is shard {first.Shard}: all shards must split into the same n");
            Require(manifest.Model.Files.Select(f => f.Sha256).SequenceEqual(first.Manifest.Model.Files.Select(f => f.Sha256))
                && manifest.Model.Scoring == first.Manifest.Model.Scoring, dir, "was evaluated with a different model or scoring");
            Require(manifest.Subsets.Select(s => (s.ResultStem, string.Join(' ', s.Files.Select(f => f.Sha256))))
                .SequenceEqual(first.Manifest.Subsets.Select(s => (s.ResultStem, string.Join(' ', s.Files.Select(f => f.Sha256))))),
                dir, "evaluated different subsets or data files");
            Require(manifest.Seeds.SequenceEqual(first.Manifest.Seeds) && manifest.Limit == first.Manifest.Limit && manifest.OnError == first.Manifest.OnError,
                dir, "used different seeds, --limit or --on-error");
        }

        var indices = shards.Select(s => s.Shard.Index).Order().ToList();
        if (!indices.SequenceEqual(Enumerable.Range(0, count)))
        {
            var missing = Enumerable.Range(0, count).Except(indices).ToList();
            var duplicate = indices.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            throw new AroInputException(
                $"aro merge needs each of the {count} shards exactly once: missing {(missing.Count == 0 ? "none" : string.Join(", ", missing.Select(i => $"{i}/{count}")))}, repeated {(duplicate.Count == 0 ? "none" : string.Join(", ", duplicate.Select(i => $"{i}/{count}")))}");
        }
    }

    private static void Require(bool condition, string dir, string problem)
    {
        if (!condition)
        {
            throw new AroInputException($"{dir} {problem}");
        }
    }

    private static SubsetSummary MergeSubset(SubsetDefinition subset, string stem, List<string> dirs, string outDir)
    {
        var tally = new GroupTally();
        var indices = new List<int>();
        var readers = dirs.Select(d => new ShardPredictions(RequireFile(d, ResultFiles.Predictions(stem)))).ToList();
        try
        {
            var header = readers[0].Header;
            foreach (var reader in readers.Where(r => r.Header != header))
            {
                throw new AroInputException($"{reader.Path}: header differs from {readers[0].Path}");
            }

            AtomicFile.Write(Path.Combine(outDir, ResultFiles.Predictions(stem)), stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                writer.Write(header + "\n");
                var queue = new PriorityQueue<(int Reader, (int Index, string Group, bool Correct, string Raw) Row), int>();
                for (var r = 0; r < readers.Count; r++)
                {
                    if (readers[r].Next() is { } row)
                    {
                        queue.Enqueue((r, row), row.Index);
                    }
                }

                var previous = -1;
                while (queue.TryDequeue(out var item, out _))
                {
                    if (item.Row.Index <= previous)
                    {
                        throw new AroInputException($"{readers[item.Reader].Path}: case {item.Row.Index} appears twice or out of order across the shards");
                    }

                    previous = item.Row.Index;
                    writer.Write(item.Row.Raw);
                    tally.Add(item.Row.Group, item.Row.Correct);
                    indices.Add(item.Row.Index);
                    if (readers[item.Reader].Next() is { } next)
                    {
                        queue.Enqueue((item.Reader, next), next.Index);
                    }
                }
            });
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }

        var skipped = dirs.SelectMany(d => ShardTables.Skipped(Path.Combine(d, ResultFiles.Skipped), stem)).OrderBy(s => s.Index).ToList();
        CheckNoGaps(stem, indices, skipped.Select(s => s.Index), dirs);
        var summary = SubsetSummary.From(subset, tally);
        CaseDiagnostics? diagnostics = null;
        if (subset.Diagnostics is { } definition)
        {
            var files = dirs.Select(d => RequireFile(d, ResultFiles.Diagnostics(stem, definition.FileSuffix))).ToList();
            diagnostics = definition.Merge(files.Select(f => definition.CountsOf(CsvInput.ReadAll(f, definition.Columns), f)));
            DiagnosticsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Diagnostics(stem, definition.FileSuffix)), definition, diagnostics);
        }

        summary = summary with { Skipped = skipped.Count, SkippedCases = skipped, Diagnostics = diagnostics };
        GroupsCsvWriter.Write(Path.Combine(outDir, ResultFiles.Groups(stem)), summary);
        return summary;
    }

    /// <summary>
    /// Shards of one run cover every case exactly once: the scored and skipped cases' indices together must be
    /// 0, 1, ..., n-1. A shard that lost rows, or shards of runs with different limits, leave a gap.
    /// </summary>
    private static void CheckNoGaps(string stem, List<int> scored, IEnumerable<int> skipped, List<string> dirs)
    {
        var all = scored.Concat(skipped).Order().ToList();
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] != i)
            {
                var problem = i < all.Count && all[i] < i ? $"case {all[i]} appears twice" : $"case {i} is in none of them";
                throw new AroInputException(
                    $"aro merge: the shards' {ResultFiles.Predictions(stem)} and skipped.csv do not cover {stem}'s cases once each: {problem} ({string.Join(", ", dirs)}). A shard's files are incomplete or come from another run; evaluate that shard again.");
            }
        }
    }

    private static string RequireFile(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        return File.Exists(path) ? path : throw new AroInputException($"{dir}: {name} is missing");
    }
}
