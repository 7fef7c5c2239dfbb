using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks;

/// <summary>
/// What a subset's results mean: its name, the prefix of its case ids, its tie rule, its metric of record and which
/// groups that metric includes. Every member is abstract, so a definition that leaves one out does not compile.
/// Native subsets (<see cref="NativeSubset"/>) add where their data lives and how it is read, verified and pulled;
/// a cases file with no known subset gets a <see cref="CasesFileSubset"/>.
/// </summary>
public abstract class SubsetDefinition
{
    /// <summary>The <c>--subset</c> name and the stem of its result files (<c>relation.groups.csv</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Human name, e.g. "VG-Relation".</summary>
    public abstract string Title { get; }

    /// <summary>Case ids are <c>{IdPrefix}-{index:D6}</c> where the benchmark has no ids of its own.</summary>
    public abstract string IdPrefix { get; }

    /// <summary>The number the benchmark's paper reports.</summary>
    public abstract MetricOfRecord Metric { get; }

    /// <summary>Which groups count toward a macro metric.</summary>
    public abstract IGroupFilter GroupFilter { get; }

    /// <summary>How scores become a prediction (the official tie rule).</summary>
    public abstract PredictionRule Prediction { get; }

    /// <summary>Extra per-case counts written beside the groups (the Order subsets'), or null.</summary>
    public virtual DiagnosticsDefinition? Diagnostics => null;

    /// <summary>The predictions file's columns a paired comparison reads.</summary>
    public virtual PairingColumns Pairing => PairingColumns.Options;

    /// <summary>The accuracy of guessing (1 / options), when the subset has a fixed number of options.</summary>
    public virtual double? Chance => null;

    /// <summary>The id of the case at <paramref name="index"/>.</summary>
    public string CaseId(int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{IdPrefix}-{index:D6}");

    public override string ToString() => Name;
}
