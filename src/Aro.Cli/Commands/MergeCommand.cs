using System.CommandLine;
using Aro.Core.Metrics;
using Aro.Core.Reports.Merging;

namespace Aro.Cli.Commands;

/// <summary><c>aro merge</c>: combine the results folders of sharded runs into one.</summary>
internal sealed class MergeCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string[]> _shards = new("shard-dirs") { Description = "The results folders of every aro eval --shard i/n run.", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _out = new("--out", "-o") { Description = "The merged results folder: new or empty.", Required = true };
    private readonly Option<bool> _force = new("--force") { Description = "Replace results already in --out." };

    public MergeCommand(CliConsole console)
    {
        _console = console;
        Command = new Command("merge", "Combine the results folders of aro eval --shard i/n runs into one, identical to a single run's.") { _shards, _out, _force };
        Command.SetAction(Merge);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro eval --model clip --subset all --shard 0/2 --out results/clip-0",
                "aro eval --model clip --subset all --shard 1/2 --out results/clip-1",
                "aro merge results/clip-0 results/clip-1 --out results/clip",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private int Merge(ParseResult parse)
    {
        var output = Path.GetFullPath(parse.GetValue(_out)!);
        var manifest = ResultMerger.Merge(parse.GetValue(_shards)!, output, ["aro", .. parse.Tokens.Select(t => t.Value)], parse.GetValue(_force));
        foreach (var subset in manifest.Subsets)
        {
            _console.Out.WriteLine(FormattableString.Invariant($"{subset.ResultStem}: {subset.Samples} cases, metric of record {subset.MetricOfRecord:F4}"));
        }

        _console.Out.WriteLine($"merged {parse.GetValue(_shards)!.Length} shards into {output}");
        return ExitCodes.Ok;
    }
}
