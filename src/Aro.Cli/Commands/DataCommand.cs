using System.CommandLine;
using Aro.Core;
using Aro.Core.Benchmarks;
using Aro.Core.Cases;

namespace Aro.Cli.Commands;

/// <summary><c>aro data list | pull | verify | freeze</c>.</summary>
internal sealed class DataCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Option<string> _freezeSubset = new("--subset", "-s") { Description = "A subset name (relation, coco-order, sugarcrepe-swap-att, ...) or a cases file.", Required = true };
    private readonly Option<string?> _freezeData = new("--data") { Description = "The subset's data folder (default: data/<subset>)." };
    private readonly Option<int> _freezeSeed = new("--seed") { Description = "Seed of the Order perturbations.", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _freezeOut = new("--out", "-o") { Description = "The cases .jsonl file to write.", Required = true };
    private readonly Option<int?> _freezeLimit = new("--limit") { Description = "Write only the first N cases." };

    public DataCommand(CliConsole console)
    {
        _console = console;
        var freeze = new Command("freeze", "Write a subset's cases (with its generated Order perturbations) to a cases.jsonl file, so every model is scored on identical options.")
        {
            _freezeSubset, _freezeData, _freezeSeed, _freezeOut, _freezeLimit,
        };
        freeze.SetAction(FreezeAsync);
        var parts = new ICliCommand[] { new DataListCommand(console), new DataPullCommand(console), new DataVerifyCommand(console) };
        Command = new Command("data", "Benchmark data: list, pull (download), verify, freeze cases.");
        foreach (var part in parts)
        {
            Command.Subcommands.Add(part.Command);
        }

        Command.Subcommands.Add(freeze);
        var examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] = ["aro data list", "aro data pull relation", "aro data verify relation"],
            [freeze] =
            [
                "aro data freeze --subset coco-order --seed 1 --out frozen/coco-order.seed-1.jsonl",
                "aro eval --model clip --subset frozen/coco-order.seed-1.jsonl",
            ],
        };
        foreach (var (command, lines) in parts.SelectMany(p => p.Examples))
        {
            examples[command] = lines;
        }

        Examples = examples;
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private async Task<int> FreezeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var paths = AroPaths.FromEnvironment();
        var selection = SubsetSelection.Parse(parse.GetValue(_freezeSubset)!);
        if (selection.Entries.Count != 1)
        {
            throw new AroInputException($"aro data freeze writes one subset; '{parse.GetValue(_freezeSubset)}' names {selection.Entries.Count}");
        }

        var run = selection.Plan(parse.GetValue(_freezeData), paths.DataRoot, [parse.GetValue(_freezeSeed)])[0];
        var reader = run.Create();
        var subsetField = run.Subset is NativeSubset { IdsNameTheSubset: false } ? run.Subset.Name : null;
        var limit = parse.GetValue(_freezeLimit);
        var cases = reader.ReadAsync(cancellationToken);
        if (limit is { } max)
        {
            cases = cases.Take(max);
        }

        var path = Path.GetFullPath(parse.GetValue(_freezeOut)!);
        var written = await CasesJsonlWriter.WriteAsync(path, cases, cancellationToken, subsetField).ConfigureAwait(false);
        _console.Out.WriteLine($"wrote {written} {run.Subset.Name} cases to {path}");
        return ExitCodes.Ok;
    }
}
