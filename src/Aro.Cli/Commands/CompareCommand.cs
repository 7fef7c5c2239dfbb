using System.CommandLine;
using Aro.Cli.Rendering;
using Aro.Core.Reports.Comparison;

namespace Aro.Cli.Commands;

/// <summary>
/// <c>aro compare</c>: the CI regression gate. Exit 0 when no metric dropped beyond its threshold, 1 when one did,
/// 2 on bad input.
/// </summary>
internal sealed class CompareCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string> _baseline = new("baseline") { Description = "The baseline: a results folder or its summary.csv." };
    private readonly Argument<string> _candidate = new("candidate") { Description = "The candidate: a results folder or its summary.csv." };

    private readonly Option<double> _maxDrop = new("--max-drop")
    {
        Description = "Largest allowed drop of a subset's metric of record (macro on VG, precision@1 on Order), as a share: 0.01 = one point. A drop equal to it passes.",
        DefaultValueFactory = _ => new ComparisonThresholds().MaxDrop,
    };

    private readonly Option<double?> _maxGroupDrop = new("--max-group-drop")
    {
        Description = "Also compare every group both runs include (relations, attribute pairs) and fail when one drops by more than this.",
    };

    private readonly Option<string?> _json = new("--json")
    {
        Description = "Also write the result as JSON to this file.",
    };

    public CompareCommand(CliConsole console)
    {
        _console = console;

        // Thresholds are checked by ComparisonThresholds.Validate (exit 2): a System.CommandLine validator that reads a
        // value which failed to parse would throw instead of reporting the parse error.
        Command = new Command("compare", "Compare a candidate's results with a baseline's; exit 1 when a metric dropped by more than the threshold (a CI gate).")
        {
            _baseline, _candidate, _maxDrop, _maxGroupDrop, _json,
        };
        Command.SetAction(Run);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro compare results/clip results/clip-candidate --max-drop 0.01",
                "aro compare baseline/summary.csv results/candidate/summary.csv --max-drop 0.005 --max-group-drop 0.05",
                "aro compare results/main results/pr --json compare.json",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private int Run(ParseResult parse)
    {
        var thresholds = new ComparisonThresholds(parse.GetValue(_maxDrop), parse.GetValue(_maxGroupDrop));
        var result = ResultsComparer.Compare(parse.GetValue(_baseline)!, parse.GetValue(_candidate)!, thresholds);
        if (parse.GetValue(_json) is { } json)
        {
            ComparisonJson.Write(Path.GetFullPath(json), result);
        }

        if (_console.IsTerminal)
        {
            ComparisonTable.Write(_console, result);
        }
        else
        {
            _console.Out.Write(ComparisonText.Format(result));
        }

        return result.Passed ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
