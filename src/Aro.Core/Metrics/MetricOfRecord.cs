namespace Aro.Core.Metrics;

/// <summary>How a metric of record is computed from a subset's tally.</summary>
public enum MetricAggregate
{
    /// <summary>Unweighted mean of per-group accuracy over the included groups (VG-Relation, VG-Attribution).</summary>
    MacroOverGroups,

    /// <summary>Share of all cases (precision@1 on the Order subsets, accuracy on SugarCrepe).</summary>
    Micro,
}

/// <summary>
/// The number a benchmark's paper reports for a subset: how it aggregates (micro or macro) and the short name tables
/// print beside it. This is the one place the micro-or-macro choice is made.
/// </summary>
/// <param name="Aggregate">Micro or macro over the included groups.</param>
/// <param name="Name">Short name for tables and summary.csv (<c>macro</c>, <c>p@1</c>, <c>acc</c>).</param>
/// <param name="Description">One phrase for reports.</param>
public sealed record MetricOfRecord(MetricAggregate Aggregate, string Name, string Description)
{
    /// <summary>Macro accuracy over the included groups (VG-Relation, VG-Attribution, cases files without a known subset).</summary>
    public static MetricOfRecord MacroOverGroups { get; } = new(MetricAggregate.MacroOverGroups, "macro", "macro accuracy over the included groups");

    /// <summary>Precision@1 over all cases (the Order subsets).</summary>
    public static MetricOfRecord PrecisionAt1 { get; } = new(MetricAggregate.Micro, "p@1", "precision@1 over all cases");

    /// <summary>Accuracy over all cases (SugarCrepe).</summary>
    public static MetricOfRecord Accuracy { get; } = new(MetricAggregate.Micro, "acc", "accuracy over all cases");

    /// <summary>The metric's value given a subset's micro and macro accuracy.</summary>
    public double Pick(double micro, double macro) => Aggregate == MetricAggregate.Micro ? micro : macro;
}
