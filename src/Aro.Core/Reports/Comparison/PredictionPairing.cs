using System.Globalization;
using Aro.Core.Benchmarks;
using Aro.Core.Results;
using Aro.Core.Statistics;
using CsvHelper;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// Pairs the per-case results of one subset in two results folders by case id and compares them
/// (<see cref="CasePairing"/>, <see cref="PairedComparer"/>). A subset run with several seeds is compared on the
/// seeds both runs have, each case of each seed one pair (so the difference is that of the mean over seeds); which
/// groups count toward macro accuracy is what the baseline's groups table says.
/// </summary>
public static class PredictionPairing
{
    /// <param name="baseline">The baseline's folder.</param>
    /// <param name="candidate">The candidate's folder.</param>
    /// <param name="subset">The subset both summaries list.</param>
    /// <param name="settings">The bootstrap settings.</param>
    public static SubsetPairing Pair(string baseline, string candidate, string subset, BootstrapSettings settings)
    {
        var before = ResultsFolderReader.FindPredictions(baseline, subset);
        var after = ResultsFolderReader.FindPredictions(candidate, subset);
        if (before.Count == 0 || after.Count == 0)
        {
            var missing = before.Count == 0 ? baseline : candidate;
            return SubsetPairing.Without($"{missing} has no {ResultFiles.Predictions(subset)}");
        }

        var seeds = before.Select(p => p.Seed).Intersect(after.Select(p => p.Seed)).ToList();
        if (seeds.Count == 0)
        {
            return SubsetPairing.Without("the runs share no seed");
        }

        var tables = ResultsFolderReader.FindTables(baseline, subset);
        var included = tables.FirstOrDefault()?.Groups.ToDictionary(g => g.Group, g => g.Included, StringComparer.Ordinal)
            ?? new Dictionary<string, bool>(StringComparer.Ordinal);
        var columns = BenchmarkRegistry.Describe(subset).Pairing;
        var baseCases = new List<CaseOutcome>();
        var candidateCases = new List<CaseOutcome>();
        foreach (var seed in seeds)
        {
            var basePath = before.First(p => p.Seed == seed).Path;
            var candidatePath = after.First(p => p.Seed == seed).Path;
            var baseRows = Read(basePath, columns, seed, seeds.Count > 1);
            var candidateRows = Read(candidatePath, columns, seed, seeds.Count > 1);
            if (baseRows is null || candidateRows is null)
            {
                return SubsetPairing.Without($"{(baseRows is null ? basePath : candidatePath)} holds no per-case '{columns.Id}', '{columns.Group}' and '{columns.Correct}' columns");
            }

            baseCases.AddRange(baseRows);
            candidateCases.AddRange(candidateRows);
        }

        var paired = CasePairing.Pair(before[0].Path, baseCases, after[0].Path, candidateCases,
            (group, _) => included.TryGetValue(group, out var counts) && counts);
        var comparison = PairedComparer.Compare(paired, settings);
        return new SubsetPairing(comparison, paired.OnlyInBaseline, paired.OnlyInCandidate,
            [.. seeds.OfType<int>()], comparison is null ? "no case id is in both runs" : null);
    }

    /// <summary>The cases of one predictions file; null when it has no id, group and correct columns.</summary>
    private static List<CaseOutcome>? Read(string path, PairingColumns columns, int? seed, bool prefixSeed)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CsvFormat.Configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header
            || !header.Contains(columns.Id) || !header.Contains(columns.Group) || !header.Contains(columns.Correct))
        {
            return null;
        }

        var cases = new List<CaseOutcome>();
        var prefix = prefixSeed ? string.Create(CultureInfo.InvariantCulture, $"seed-{seed}:") : "";
        while (csv.Read())
        {
            var correct = csv.GetField(columns.Correct) switch
            {
                "true" => true,
                "false" => false,
                var other => throw new AroInputException($"{path}: line {csv.Parser.Row}: field '{columns.Correct}' is '{other}', expected true or false"),
            };
            cases.Add(new CaseOutcome(prefix + csv.GetField(columns.Id), csv.GetField(columns.Group)!, correct));
        }

        return cases;
    }
}
