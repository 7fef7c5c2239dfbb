using Aro.Core.Cases;
using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks;

/// <summary>
/// Extra counts a subset keeps beside its groups (the Order subsets: which perturbation wins when the model is
/// wrong, how often an option equals the original), written after the groups as rows that no metric includes.
/// The definition says how to start them, how to restore them from a checkpoint and how to rebuild them from the
/// rows of several shards.
/// </summary>
public abstract class DiagnosticsDefinition
{
    /// <summary>The prefix of every diagnostic row's name, which tells them from groups.</summary>
    public abstract string RowPrefix { get; }

    /// <summary>Fresh diagnostics, or ones restored from <paramref name="saved"/> counters.</summary>
    public abstract CaseDiagnostics Create(IReadOnlyDictionary<string, int>? saved = null);

    /// <summary>The diagnostics of a merged run, from each shard's rows (<paramref name="rows"/>) and the merged case counts.</summary>
    public abstract CaseDiagnostics Merge(IEnumerable<(string Name, int Count)> rows, int cases, int wrong, string source);

    /// <summary>True when <paramref name="group"/> names a diagnostic row rather than a group.</summary>
    public bool IsRow(string group) => group.StartsWith(RowPrefix, StringComparison.Ordinal);
}

/// <summary>The running diagnostics of one subset run.</summary>
public abstract class CaseDiagnostics
{
    /// <summary>Counts one scored case.</summary>
    public abstract void Add(AroCase aroCase, int prediction, bool correct);

    /// <summary>The counters, for checkpoints (they add up across shards).</summary>
    public abstract IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>The rows written after the groups, never included in a metric.</summary>
    public abstract IReadOnlyList<GroupAccuracy> Rows();
}
