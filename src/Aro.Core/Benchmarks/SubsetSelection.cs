using System.Globalization;
using Aro.Core.Cases;

namespace Aro.Core.Benchmarks;

/// <summary>
/// What a <c>--subset</c> argument names, parsed in this one place: a comma-separated list of subset names, benchmark
/// names (<c>aro</c>, <c>sugarcrepe</c>, and <c>all</c>, which stays the four ARO subsets) and cases files
/// (<c>.jsonl</c>). Each subset is evaluated once however often it is named; two entries whose result files would
/// collide are refused. Everything here is checked before any model is loaded.
/// </summary>
public sealed class SubsetSelection
{
    private SubsetSelection(IReadOnlyList<Entry> entries, IReadOnlyList<string> notes)
    {
        Entries = entries;
        Notes = notes;
    }

    /// <summary>The subsets in the order named.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>Things worth saying once (a subset named twice).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The registered subsets named, without cases files.</summary>
    public IReadOnlyList<NativeSubset> NativeSubsets => [.. Entries.Select(e => e.Native).OfType<NativeSubset>()];

    /// <summary>The text <c>--subset</c> help and errors list: every name it accepts.</summary>
    public static string Accepted => $"{string.Join(", ", BenchmarkRegistry.Names)}, or a path to a cases .jsonl file";

    /// <summary>Parses <paramref name="text"/>; an unknown name or a missing cases file is an error (exit 2) with suggestions.</summary>
    public static SubsetSelection Parse(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new AroInputException($"--subset names no subset. Known: {Accepted}.");
        }

        var entries = new List<Entry>();
        var notes = new List<string>();
        foreach (var name in names)
        {
            foreach (var entry in Resolve(name))
            {
                if (entries.FirstOrDefault(e => e.Subset.Name == entry.Subset.Name) is { } earlier)
                {
                    if (earlier.CasesFile is not null || entry.CasesFile is not null)
                    {
                        throw new AroInputException(
                            $"--subset: {Describe(earlier)} and {Describe(entry)} both evaluate as subset '{entry.Subset.Name}', whose result files would overwrite each other; evaluate them into separate --out folders");
                    }

                    notes.Add($"--subset names {entry.Subset.Name} more than once; it is evaluated once");
                    continue;
                }

                entries.Add(entry);
            }
        }

        return new SubsetSelection(entries, [.. notes.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// One run per subset, and per seed for subsets whose cases depend on it, in the order named. Data folders are
    /// looked up when a run opens its reader, so a missing folder is reported for the subset that needs it.
    /// </summary>
    public IReadOnlyList<SubsetRun> Plan(string? data, string dataRoot, IReadOnlyList<int> seeds)
    {
        if (seeds.Count == 0)
        {
            throw new AroInputException("--seeds names no seed");
        }

        var runs = new List<SubsetRun>();
        foreach (var entry in Entries)
        {
            if (entry.CasesFile is { } path)
            {
                string[] folders = data is null ? [dataRoot] : [data, dataRoot];
                runs.Add(new SubsetRun(entry.Subset, () => new CasesJsonlReader(path, entry.Subset.Name, folders), null, 1));
            }
            else if (entry.Native is { UsesSeed: true } seeded)
            {
                runs.AddRange(seeds.Select(seed => new SubsetRun(seeded, () => seeded.OpenReader(DataLocator.Resolve(seeded, data, dataRoot), seed), seed, seeds.Count)));
            }
            else if (entry.Native is { } native)
            {
                runs.Add(new SubsetRun(native, () => native.OpenReader(DataLocator.Resolve(native, data, dataRoot), seeds[0]), null, 1));
            }
        }

        return runs;
    }

    private static IEnumerable<Entry> Resolve(string name)
    {
        if (BenchmarkRegistry.FindSubset(name) is { } subset)
        {
            return [new Entry(subset, subset, null)];
        }

        if (BenchmarkRegistry.FindBenchmark(name) is { } benchmark)
        {
            return benchmark.Subsets.Select(s => new Entry(s, s, null));
        }

        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || File.Exists(name))
        {
            var path = Path.GetFullPath(name);
            if (!File.Exists(path))
            {
                throw new AroInputException($"--subset: cases file not found: {path}");
            }

            return [new Entry(CasesFiles.SubsetOf(path), null, path)];
        }

        throw new AroInputException($"unknown subset '{name}'.{NameSuggestions.DidYouMean(name, BenchmarkRegistry.Names)} Known: {Accepted}.");
    }

    private static string Describe(Entry entry) => entry.CasesFile is { } path ? $"cases file {path}" : $"subset {entry.Subset.Name}";

    /// <summary>One subset named by <c>--subset</c>.</summary>
    /// <param name="Subset">What its results mean.</param>
    /// <param name="Native">The registered subset read from its native files, or null for a cases file.</param>
    /// <param name="CasesFile">The cases file's full path, or null.</param>
    public sealed record Entry(SubsetDefinition Subset, NativeSubset? Native, string? CasesFile);
}

/// <summary>One evaluation of one subset: how to read it, with which seed, and the stem of its result files.</summary>
/// <param name="Subset">What its results mean.</param>
/// <param name="Create">Opens the reader (deferred: data is looked up only when the run reaches it).</param>
/// <param name="Seed">The seed of generated cases; null for subsets that do not depend on one.</param>
/// <param name="SeedCount">How many seeds the subset is evaluated with (file names carry the seed when more than one).</param>
public sealed record SubsetRun(SubsetDefinition Subset, Func<ICaseReader> Create, int? Seed, int SeedCount)
{
    /// <summary>The stem of this run's result files: <c>coco-order</c>, or <c>coco-order.seed-2</c> with several seeds.</summary>
    public string FileStem =>
        Seed is { } seed && SeedCount > 1 ? string.Create(CultureInfo.InvariantCulture, $"{Subset.Name}.seed-{seed}") : Subset.Name;
}
