using System.Globalization;
using Aro.Core.Cases;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>
/// Per-perturbation diagnostics of an Order subset, in <c>&lt;stem&gt;.perturbations.csv</c> beside precision@1: for
/// each perturbation, how often it won when the model was wrong (a count and its share of the wrong cases), and how
/// often its option is string-identical to the original (a count and its share of all cases) — an identical option
/// ties exactly with the original, and a tie counts correct on Order.
/// </summary>
public sealed class OrderDiagnostics : CaseDiagnostics
{
    private const string CasesKey = "cases";
    private const string WrongKey = "wrong";

    private static readonly IReadOnlyList<string> Names = [.. OrderPerturbationNames.All.Select(p => p.Name())];

    private readonly int[] _wins = new int[Names.Count];
    private readonly int[] _identical = new int[Names.Count];
    private int _cases;
    private int _wrong;

    /// <summary>How the Order subsets start, restore and merge these diagnostics.</summary>
    public static DiagnosticsDefinition Definition { get; } = new OrderDiagnosticsDefinition();

    /// <summary>The file's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["perturbation", "wins_when_wrong", "wrong_cases", "wins_share", "identical", "cases", "identical_share"];

    public override IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [CasesKey] = _cases, [WrongKey] = _wrong };
            for (var p = 0; p < Names.Count; p++)
            {
                counts[WinsKey(p)] = _wins[p];
                counts[IdenticalKey(p)] = _identical[p];
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

    public override IReadOnlyList<IReadOnlyList<string>> Rows() =>
        [.. Enumerable.Range(0, Names.Count).Select(p => (IReadOnlyList<string>)
        [
            Names[p], Int(_wins[p]), Int(_wrong), Share(_wins[p], _wrong), Int(_identical[p]), Int(_cases), Share(_identical[p], _cases),
        ])];

    private static string WinsKey(int p) => "wins:" + Names[p];

    private static string IdenticalKey(int p) => "identical:" + Names[p];

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Share(int count, int of) => (of == 0 ? 0.0 : (double)count / of).ToString("F7", CultureInfo.InvariantCulture);

    private sealed class OrderDiagnosticsDefinition : DiagnosticsDefinition
    {
        public override string FileSuffix => "perturbations";

        public override IReadOnlyList<string> Columns => OrderDiagnostics.Columns;

        public override CaseDiagnostics Create(IReadOnlyDictionary<string, int>? saved = null)
        {
            var diagnostics = new OrderDiagnostics();
            if (saved is not null)
            {
                diagnostics._cases = saved.GetValueOrDefault(CasesKey);
                diagnostics._wrong = saved.GetValueOrDefault(WrongKey);
                for (var p = 0; p < Names.Count; p++)
                {
                    diagnostics._wins[p] = saved.GetValueOrDefault(WinsKey(p));
                    diagnostics._identical[p] = saved.GetValueOrDefault(IdenticalKey(p));
                }
            }

            return diagnostics;
        }

        public override IReadOnlyDictionary<string, int> CountsOf(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, string source)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var p = -1;
                for (var k = 0; k < Names.Count; k++)
                {
                    p = string.Equals(Names[k], row["perturbation"], StringComparison.Ordinal) ? k : p;
                }

                if (p < 0)
                {
                    throw new AroInputException($"{source}: line {i + 2}: field 'perturbation' is '{row["perturbation"]}', not one of {string.Join(", ", Names)}");
                }

                counts[WinsKey(p)] = Count(row, "wins_when_wrong", source, i);
                counts[IdenticalKey(p)] = Count(row, "identical", source, i);
                counts[WrongKey] = Count(row, "wrong_cases", source, i);
                counts[CasesKey] = Count(row, "cases", source, i);
            }

            return counts;
        }

        private static int Count(IReadOnlyDictionary<string, string> row, string column, string source, int index) =>
            int.TryParse(row[column], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new AroInputException($"{source}: line {index + 2}: field '{column}' is '{row[column]}', not a count");
    }
}
