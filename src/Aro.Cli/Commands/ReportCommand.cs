using System.CommandLine;
using Aro.Core.IO;
using Aro.Core.Reports.Html;
using Aro.Core.Reports.Tables;
using Aro.Core.Results;

namespace Aro.Cli.Commands;

/// <summary><c>aro report</c>: one self-contained HTML page over one or more results folders.</summary>
internal sealed class ReportCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string[]> _results = new("results")
    {
        Description = "Results folders written by 'aro eval' (or their summary.csv), one per model, in the order to show them.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "The file to write (default: report.html, or results.md / results.tex / results.csv for a --format table).",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "html: the report page. md, latex, csv: the paper table — models as rows, each subset's metric of record as columns, ± std over seeds, best in bold.",
        DefaultValueFactory = _ => "html",
    };

    private readonly Option<bool> _published = new("--published")
    {
        Description = "With a --format table: add the papers' published numbers as rows below the models.",
    };

    private readonly Option<string> _title = new("--title")
    {
        Description = "The page title.",
        DefaultValueFactory = _ => new HtmlReportOptions().Title,
    };

    private readonly Option<int> _worst = new("--worst")
    {
        Description = "How many lowest-accuracy groups to list per model and subset.",
        DefaultValueFactory = _ => new HtmlReportOptions().WorstGroups,
    };

    private readonly Option<int> _minCases = new("--min-cases")
    {
        Description = "Fewest cases a group needs to be listed among the worst.",
        DefaultValueFactory = _ => new HtmlReportOptions().MinCases,
    };

    public ReportCommand(CliConsole console)
    {
        _console = console;

        // Counts are checked by HtmlReportOptions.Validate (exit 2): a System.CommandLine validator that reads a value
        // which failed to parse would throw instead of reporting the parse error.
        Command = new Command("report", "Write one self-contained HTML report (summary beside the paper's numbers, per-group charts, Order diagnostics, worst groups, provenance) from results folders.")
        {
            _results, _out, _format, _published, _title, _worst, _minCases,
        };
        Command.SetAction(Run);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro report results/clip results/negclip results/blip --out report.html",
                "aro report results/demo --out demo.html --title \"demo model\" --worst 5 --min-cases 10",
                "aro report results/clip results/negclip --format latex --published --out table.tex",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private int Run(ParseResult parse)
    {
        var options = new HtmlReportOptions(parse.GetValue(_title)!, parse.GetValue(_worst), parse.GetValue(_minCases));
        options.Validate();
        var format = PaperTableFormats.Parse(parse.GetValue(_format)!);
        var folders = parse.GetValue(_results)!.Select(path => ResultsFolderReader.Read(path)).ToList();
        var output = Path.GetFullPath(parse.GetValue(_out) ?? PaperTableFormats.DefaultFile(format));
        if (format is { } table)
        {
            AtomicFile.WriteText(output, PaperTableText.Format(PaperTable.Build(folders, parse.GetValue(_published)), table));
            _console.Out.WriteLine($"wrote {output} ({folders.Count} results folder{(folders.Count == 1 ? "" : "s")})");
            return ExitCodes.Ok;
        }

        HtmlReport.Write(output, folders, options);
        _console.Out.WriteLine($"wrote {output} ({folders.Count} results folder{(folders.Count == 1 ? "" : "s")})");
        return ExitCodes.Ok;
    }
}
