using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;
using Aro.Core.Results;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// Per-perturbation diagnostics of an Order subset, written beside precision@1 in <c>&lt;subset&gt;.groups.csv</c>
/// (issue 3): for each perturbation, how often it won when the model was wrong, and how often its option is
/// string-identical to the original — an identical option ties exactly with it, and a tie counts correct on Order.
/// The rows are named <c>perturbation:&lt;name&gt;:wins_when_wrong</c> and <c>perturbation:&lt;name&gt;:identical</c>,
/// are never included in the macro accuracy, and hold a count and a share (of wrong cases, of all cases).
/// </summary>
public sealed class OrderDiagnostics
{
    public const string Prefix = "perturbation:";

    private readonly int[] _wins = new int[OrderPerturbationNames.All.Count];
    private readonly int[] _identical = new int[OrderPerturbationNames.All.Count];
    private int _cases;
    private int _wrong;

    /// <summary>The counters, for checkpoints and merges (they add up across shards).</summary>
    public OrderDiagnosticsCounts Counts => new(_cases, _wrong, [.. _wins], [.. _identical]);

    /// <summary>Rebuilds diagnostics from saved counters (null: none saved, start from zero).</summary>
    public static OrderDiagnostics Restore(OrderDiagnosticsCounts? counts)
    {
        var diagnostics = new OrderDiagnostics();
        if (counts is not null)
        {
            diagnostics._cases = counts.Cases;
            diagnostics._wrong = counts.Wrong;
            counts.Wins.CopyTo(diagnostics._wins, 0);
            counts.Identical.CopyTo(diagnostics._identical, 0);
        }

        return diagnostics;
    }

    /// <summary>True for subsets whose options are [original, the four perturbations in ARO's order].</summary>
    public static bool Applies(SubsetDefinition subset) =>
        subset.Name is SubsetRegistry.CocoOrderName or SubsetRegistry.FlickrOrderName;

    public void Add(AroCase aroCase, CaseResult result)
    {
        if (aroCase.Captions.Count != _wins.Length + 1 || aroCase.Label != 0)
        {
            return;
        }

        _cases++;
        for (var p = 0; p < _identical.Length; p++)
        {
            if (string.Equals(aroCase.Captions[p + 1], aroCase.Captions[0], StringComparison.Ordinal))
            {
                _identical[p]++;
            }
        }

        if (!result.Correct)
        {
            _wrong++;
            _wins[result.Prediction - 1]++;
        }
    }

    /// <summary>The diagnostic rows, in perturbation order.</summary>
    public IReadOnlyList<GroupAccuracy> Rows()
    {
        var rows = new List<GroupAccuracy>();
        for (var p = 0; p < _wins.Length; p++)
        {
            var name = OrderPerturbationNames.All[p].Name();
            rows.Add(new GroupAccuracy($"{Prefix}{name}:wins_when_wrong", _wins[p], _wins[p], false) { Denominator = _wrong });
            rows.Add(new GroupAccuracy($"{Prefix}{name}:identical", _identical[p], _identical[p], false) { Denominator = _cases });
        }

        return rows;
    }
}
