using Aro.Core.Cases;

namespace Aro.Core.Benchmarks;

/// <summary>
/// Extra counts a subset keeps beside its groups (the Order subsets: which perturbation wins when the model is
/// wrong, how often an option equals the original), written to a file of their own, <c>&lt;stem&gt;.&lt;suffix&gt;.csv</c>,
/// so no metric and no reader of the group tables can mistake them for groups. The definition says how they start,
/// how a checkpoint restores them and how the files of several shards add up.
/// </summary>
public abstract class DiagnosticsDefinition
{
    /// <summary>The part of the file name after the run's stem: <c>perturbations</c> gives <c>coco-order.perturbations.csv</c>.</summary>
    public abstract string FileSuffix { get; }

    /// <summary>The file's columns, in order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Fresh diagnostics, or ones restored from <paramref name="saved"/> counters.</summary>
    public abstract CaseDiagnostics Create(IReadOnlyDictionary<string, int>? saved = null);

    /// <summary>The counters a written file holds (to add shards up), from its rows keyed by column; errors name <paramref name="source"/>.</summary>
    public abstract IReadOnlyDictionary<string, int> CountsOf(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, string source);

    /// <summary>The diagnostics of several shards together: their counters added up.</summary>
    public CaseDiagnostics Merge(IEnumerable<IReadOnlyDictionary<string, int>> shards)
    {
        var sum = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var counts in shards)
        {
            foreach (var (key, value) in counts)
            {
                sum[key] = sum.GetValueOrDefault(key) + value;
            }
        }

        return Create(sum);
    }
}

/// <summary>The running diagnostics of one subset run.</summary>
public abstract class CaseDiagnostics
{
    /// <summary>Counts one scored case.</summary>
    public abstract void Add(AroCase aroCase, int prediction, bool correct);

    /// <summary>The counters, for checkpoints (they add up across shards).</summary>
    public abstract IReadOnlyDictionary<string, int> Counts { get; }

    /// <summary>The file's rows, each cell formatted as written (invariant culture, shares with 7 decimals).</summary>
    public abstract IReadOnlyList<IReadOnlyList<string>> Rows();
}
