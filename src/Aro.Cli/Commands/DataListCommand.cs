using System.CommandLine;
using System.Globalization;
using Aro.Core;
using Aro.Core.Benchmarks;
using Aro.Core.Perturbations;
using Spectre.Console;

namespace Aro.Cli.Commands;

/// <summary><c>aro data list</c>: the subsets, where their data is expected, and whether it is there.</summary>
internal sealed class DataListCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Option<string?> _data = SubsetArgument.DataOption();

    public DataListCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("list", "List the subsets, where their data is expected (data/ or $ARO_DATA), and whether it is present and complete.")
        {
            _data,
        };
        Command.SetAction(RunAsync);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] = ["aro data list", "aro data list --data ~/aro-data"],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var data = parse.GetValue(_data);
        var paths = AroPaths.FromEnvironment();
        var root = data ?? paths.DataRoot;
        var table = new Table().Border(TableBorder.Rounded).Title($"benchmark data under {Markup.Escape(ShortPath(Path.GetFullPath(root)))}")
            .AddColumn(new TableColumn("subset").NoWrap()).AddColumn(new TableColumn("folder").NoWrap()).AddColumn(new TableColumn("cases").RightAligned())
            .AddColumn(new TableColumn("images").RightAligned()).AddColumn(new TableColumn("status").NoWrap());
        var commands = new List<string>();
        foreach (var benchmark in BenchmarkRegistry.Benchmarks)
        {
            var missing = new List<string>();
            foreach (var subset in benchmark.Subsets)
            {
                var result = await DataVerifier.VerifyAsync(subset, data, paths.DataRoot, deep: false, cancellationToken: cancellationToken).ConfigureAwait(false);
                var status = result switch
                {
                    { Complete: true } => "[green]complete[/]",
                    { AnnotationFile: null } => "absent",
                    { Problem: not null } => "[red]unreadable annotations[/]",
                    _ => string.Create(CultureInfo.InvariantCulture, $"[yellow]{result.Missing.Count:N0} images missing[/]"),
                };
                if (!result.Complete)
                {
                    missing.Add(result is { Problem: not null, AnnotationFile: not null } ? $"aro data verify {subset.Name}" : DataLocator.PullCommand(subset, data));
                }

                var found = result.Problem is null;
                table.AddRow(
                    Markup.Escape(subset.Name),
                    Markup.Escape(UnderRoot(result.Folder, root)),
                    found ? result.Cases.ToString("N0", CultureInfo.InvariantCulture) : "",
                    found ? string.Create(CultureInfo.InvariantCulture, $"{result.Images - result.Missing.Count:N0}/{result.Images:N0}") : "",
                    status);
            }

            // A benchmark that lacks every subset is one command, not one per subset.
            commands.AddRange(missing.Count == benchmark.Subsets.Count && missing.All(m => m.StartsWith("aro data pull ", StringComparison.Ordinal))
                ? [data is null ? $"aro data pull {benchmark.Name}" : $"aro data pull {benchmark.Name} --data {data}"]
                : missing);
        }

        _console.Results.Write(table);
        if (commands.Count > 0)
        {
            _console.Out.WriteLine("Get what is missing with:");
            foreach (var command in commands)
            {
                _console.Out.WriteLine($"  {command}");
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>A subset's folder relative to the data root when under it (<c>vg/</c>), else as <see cref="ShortPath"/> gives it.</summary>
    private static string UnderRoot(string folder, string root)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), folder);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? ShortPath(folder)
            : relative == "." ? "./" : relative + "/";
    }

    /// <summary>Relative to the working folder when inside it (<c>data/vg</c>), else absolute.</summary>
    private static string ShortPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
