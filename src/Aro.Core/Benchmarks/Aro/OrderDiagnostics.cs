using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// Per-perturbation diagnostics of an Order subset, written beside precision@1 in <c>&lt;subset&gt;.groups.csv</c>:
/// for each perturbation, how often it won when the model was wrong, and how often its option is string-identical
/// to the original — an identical option ties exactly with it, and a tie counts correct on Order. The rows are named
/// <c>perturbation:&lt;name&gt;:wins_when_wrong</c> and <c>perturbation:&lt;name&gt;:identical</c>, are never included
/// in the macro accuracy, and hold a count and a share (of wrong cases, of all cases).
/// </summary>
public sealed class OrderDiagnostics : CaseDiagnostics
{
    public const string Prefix = "perturbation:";
    public const string WinsWhenWrong = "wins_when_wrong";
    public const string Identical = "identical";
    private const string CasesKey = "cases";
    private const string WrongKey = "wrong";

    private static readonly IReadOnlyList<string> Names = [.. OrderPerturbationNames.All.Select(p => p.Name())];

    private readonly int[] _wins = new int[Names.Count];
    private readonly int[] _identical = new int[Names.Count];
    private int _cases;
    private int _wrong;

    /// <summary>How the Order subsets start, restore and merge these diagnostics.</summary>
    public static DiagnosticsDefinition Definition { get; } = new OrderDiagnosticsDefinition();

    public override IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [CasesKey] = _cases, [WrongKey] = _wrong };
            for (var p = 0; p < Names.Count; p++)
            {
                counts[$"{WinsWhenWrong}:{Names[p]}"] = _wins[p];
                counts[$"{Identical}:{Names[p]}"] = _identical[p];
            }

            return counts;
        }
    }

    public override void Add(AroCase aroCase, int prediction, bool correct)
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

        if (!correct)
        {
            _wrong++;
            _wins[prediction - 1]++;
        }
    }

    public override IReadOnlyList<GroupAccuracy> Rows()
    {
        var rows = new List<GroupAccuracy>();
        for (var p = 0; p < _wins.Length; p++)
        {
            rows.Add(new GroupAccuracy($"{Prefix}{Names[p]}:{WinsWhenWrong}", _wins[p], _wins[p], false) { Denominator = _wrong });
            rows.Add(new GroupAccuracy($"{Prefix}{Names[p]}:{Identical}", _identical[p], _identical[p], false) { Denominator = _cases });
        }

        return rows;
    }

    /// <summary>The perturbation and kind a row name stands for, or null when it is not one of these rows.</summary>
    public static (string Perturbation, string Kind)? Parse(string row)
    {
        if (!row.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = row[Prefix.Length..].Split(':');
        return parts.Length == 2 && parts[1] is WinsWhenWrong or Identical ? (parts[0], parts[1]) : null;
    }

    private sealed class OrderDiagnosticsDefinition : DiagnosticsDefinition
    {
        public override string RowPrefix => Prefix;

        public override CaseDiagnostics Create(IReadOnlyDictionary<string, int>? saved = null)
        {
            var diagnostics = new OrderDiagnostics();
            if (saved is not null)
            {
                diagnostics._cases = saved.GetValueOrDefault(CasesKey);
                diagnostics._wrong = saved.GetValueOrDefault(WrongKey);
                for (var p = 0; p < Names.Count; p++)
                {
                    diagnostics._wins[p] = saved.GetValueOrDefault($"{WinsWhenWrong}:{Names[p]}");
                    diagnostics._identical[p] = saved.GetValueOrDefault($"{Identical}:{Names[p]}");
                }
            }

            return diagnostics;
        }

        public override CaseDiagnostics Merge(IEnumerable<(string Name, int Count)> rows, int cases, int wrong, string source)
        {
            var diagnostics = new OrderDiagnostics { _cases = cases, _wrong = wrong };
            foreach (var (name, count) in rows)
            {
                var parsed = Parse(name);
                var p = parsed is { } found ? IndexOf(found.Perturbation) : -1;
                if (p < 0)
                {
                    throw new AroInputException($"{source}: unknown diagnostic row '{name}'");
                }

                (parsed!.Value.Kind == WinsWhenWrong ? diagnostics._wins : diagnostics._identical)[p] += count;
            }

            return diagnostics;
        }

        private static int IndexOf(string perturbation)
        {
            for (var p = 0; p < Names.Count; p++)
            {
                if (string.Equals(Names[p], perturbation, StringComparison.Ordinal))
                {
                    return p;
                }
            }

            return -1;
        }
    }
}
