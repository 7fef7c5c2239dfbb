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

    private readonly Option<string> _maxDrop = new("--max-drop")
    {
        Description = "Largest allowed drop of a subset's metric of record (macro on VG, precision@1 on Order), as a share: 0.01 = one point; a drop equal to it passes. " +
            "'significant' fails only on a drop whose paired 95% bootstrap interval lies below 0.",
        DefaultValueFactory = _ => "0.01",
    };

    private readonly Option<double?> _maxGroupDrop = new("--max-group-drop")
    {
        Description = "Also compare every group both runs include (relations, attribute pairs) and fail when one drops by more than this.",
    };

    private readonly Option<string?> _json = new("--json")
    {
        Description = "Also write the result as JSON to this file.",
    };

    private readonly Option<string?> _junit = new("--junit")
    {
        Description = "Also write the result as JUnit XML to this file: a test case per subset and gated group (for CI test reports).",
    };

    private readonly Option<string?> _markdown = new("--markdown")
    {
        Description = "Also write a Markdown summary to this file; on GitHub Actions it is appended to $GITHUB_STEP_SUMMARY as well.",
    };

    public CompareCommand(CliConsole console)
    {
        _console = console;

        // --max-drop is a share or 'significant': parsed while the command line is, so a bad value is a usage error like
        // any other option's. --max-group-drop is checked by ComparisonThresholds (exit 2).
        OptionValidation.Parsed(_maxDrop, text => ComparisonThresholds.Parse(text, null));
        Command = new Command("compare", "Compare a candidate's results with a baseline's; exit 1 when a metric dropped by more than the threshold (a CI gate).")
        {
            _baseline, _candidate, _maxDrop, _maxGroupDrop, _json, _junit, _markdown,
        };
        Command.SetAction(Run);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro compare results/clip results/clip-candidate --max-drop 0.01",
                "aro compare baseline/summary.csv results/candidate/summary.csv --max-drop 0.005 --max-group-drop 0.05",
                "aro compare results/main results/pr --json compare.json",
                "aro compare results/main results/pr --max-drop significant --junit compare.xml --markdown compare.md",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private int Run(ParseResult parse)
    {
        var thresholds = ComparisonThresholds.Parse(parse.GetValue(_maxDrop)!, parse.GetValue(_maxGroupDrop));
        var result = ResultsComparer.Compare(parse.GetValue(_baseline)!, parse.GetValue(_candidate)!, thresholds);
        if (parse.GetValue(_json) is { } json)
        {
            ComparisonJson.Write(Path.GetFullPath(json), result);
        }

        if (parse.GetValue(_junit) is { } junit)
        {
            JUnitReport.Write(Path.GetFullPath(junit), "aro compare", [ComparisonReports.JUnit(result)]);
        }

        var summaryTargets = JobSummaryTargets.Resolve(parse.GetValue(_markdown), EnvironmentVariables());
        if (summaryTargets.Count > 0)
        {
            MarkdownSummary.Emit(MarkdownSummary.Format(ComparisonReports.Markdown(result)), summaryTargets);
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

    private static Dictionary<string, string?> EnvironmentVariables() => new()
    {
        [JobSummaryTargets.GitHubStepSummary] = Environment.GetEnvironmentVariable(JobSummaryTargets.GitHubStepSummary),
    };
}
