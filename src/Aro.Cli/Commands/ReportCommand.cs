using System.CommandLine;
using Aro.Core.IO;
using Aro.Core.Reports.Gallery;
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

    private readonly Option<int> _gallery = new("--gallery")
    {
        Description = "Cases per failure-gallery list: each model's most confident mistakes and closest calls per subset, and each direction where two models disagree (0: no gallery).",
        DefaultValueFactory = _ => GalleryOptions.DefaultCount,
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = "Where the gallery finds the cases' images: a data folder as 'aro eval --data' takes (default: the data files run.json records).",
    };

    public ReportCommand(CliConsole console)
    {
        _console = console;

        // Counts are checked by HtmlReportOptions.Validate (exit 2): a System.CommandLine validator that reads a value
        // which failed to parse would throw instead of reporting the parse error.
        Command = new Command("report", "Write one self-contained HTML report (summary beside the paper's numbers, per-group charts, Order diagnostics, worst groups, a failure gallery with the images, provenance) from results folders.")
        {
            _results, _out, _format, _published, _title, _worst, _minCases, _gallery, _data,
        };
        Command.SetAction(Run);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro report results/clip results/negclip results/blip --out report.html",
                "aro report results/demo --out demo.html --title \"demo model\" --worst 5 --min-cases 10",
                "aro report results/clip results/negclip --format latex --published --out table.tex",
                "aro report results/clip results/negclip --gallery 6 --data /mnt/aro-data --out gallery.html",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private int Run(ParseResult parse)
    {
        var options = new HtmlReportOptions(parse.GetValue(_title)!, parse.GetValue(_worst), parse.GetValue(_minCases))
        {
            Gallery = new GalleryOptions(parse.GetValue(_gallery), parse.GetValue(_data)),
        };
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
