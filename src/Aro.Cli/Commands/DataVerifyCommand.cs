using System.CommandLine;
using System.Globalization;
using Aro.Core;
using Aro.Core.Benchmarks;
using Aro.Core.Perturbations;

namespace Aro.Cli.Commands;

/// <summary><c>aro data verify &lt;subset&gt;</c>: is a subset's data complete?</summary>
internal sealed class DataVerifyCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string> _subset = SubsetArgument.Create();
    private readonly Option<string?> _data = SubsetArgument.DataOption();
    private readonly Option<bool> _deep = new("--deep") { Description = "Also decode every image (slower): finds truncated or corrupt files." };
    private readonly Option<bool> _allowOutsideData = new("--allow-outside-data")
    {
        Description = "With --deep: accept images that resolve outside the data folder (through a symbolic link), as aro eval --allow-outside-data does.",
    };

    private readonly Option<int> _show = new("--show")
    {
        Description = "How many missing or broken image names to list.",
        DefaultValueFactory = _ => 10,
    };

    public DataVerifyCommand(CliConsole console)
    {
        _console = console;
        Command = new Command(
            "verify",
            "Check a subset's data: the annotation file exists and parses, its case count (against the official files'), " +
            "and every image it needs exists (and decodes, with --deep). Exit 0 only when complete, 1 when something is missing.")
        {
            _subset, _data, _deep, _allowOutsideData, _show,
        };
        Command.SetAction(RunAsync);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] = ["aro data verify relation", "aro data verify coco-order --deep", "aro data verify all --data ~/aro-data"],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var data = parse.GetValue(_data);
        var paths = AroPaths.FromEnvironment();
        var show = Math.Max(0, parse.GetValue(_show));
        var complete = true;
        foreach (var subset in SubsetArgument.Resolve(parse.GetValue(_subset)!))
        {
            if (parse.GetValue(_deep))
            {
                _console.Error.WriteLine($"{subset.Name}: decoding every image");
            }

            var result = await DataVerifier.VerifyAsync(subset, data, paths.DataRoot, parse.GetValue(_deep), parse.GetValue(_allowOutsideData), null, cancellationToken).ConfigureAwait(false);
            Write(result, data, show);
            complete &= result.Complete;
        }

        return complete ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private void Write(DataVerification result, string? data, int show)
    {
        var o = _console.Out;
        var subset = result.Subset;
        o.WriteLine($"{subset.Name} ({subset.Title}): {result.Folder}");
        if (result.Problem is { } problem)
        {
            o.WriteLine($"  annotations  {problem}");
            o.WriteLine($"  status       incomplete: get it with `{DataLocator.PullCommand(subset, data)}`");
            return;
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  annotations  {subset.Data.MarkerFile}: {result.Cases:N0} cases"));
        if (result.CountDiffers)
        {
            _console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: {subset.Name}: {result.Cases:N0} cases, the official {subset.Data.MarkerFile} has {subset.OfficialCases:N0}"));
        }

        var present = result.Images - result.Missing.Count;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  images       {result.Images:N0} needed, {present:N0} present{(result.Deep ? $", {present - result.Undecodable.Count:N0} decode" : "")}"));
        if (result.Missing.Count > 0)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  missing      {result.Missing.Count:N0}: {Names(result.Missing, show)}"));
        }

        if (result.Undecodable.Count > 0)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  broken       {result.Undecodable.Count:N0}: {Names([.. result.Undecodable.Select(u => $"{u.Image} ({u.Reason})")], show)}"));
        }

        o.WriteLine(result.Complete
            ? "  status       complete"
            : $"  status       incomplete: `{DataLocator.PullCommand(subset, data)}` fetches what is missing");
    }

    private static string Names(IReadOnlyList<string> names, int show) =>
        string.Join(", ", names.Take(show)) + (names.Count > show ? string.Create(CultureInfo.InvariantCulture, $" and {names.Count - show:N0} more") : "");
}
