using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Aro.Cli.Commands;

namespace Aro.Cli;

/// <summary>
/// Builds the <c>aro</c> command line and runs it: parse errors (<see cref="ParseErrorMessages"/>) exit 2 with the usage hint, exceptions go through
/// <see cref="ErrorReporter"/>, Ctrl-C cancels the running command (exit 130).
/// </summary>
public static class AroCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var commands = new ICliCommand[]
        {
            new EvalCommand(console),
            new ModelsCommand(console),
            new DataCommand(console),
            new TaggerCommand(console),
            new MergeCommand(console),
            new BenchCommand(console),
            new ReportCommand(console),
            new CompareCommand(console),
        };
        var root = new RootCommand(
            "aro: evaluate vision-language models (CLIP, NegCLIP, BLIP) on the ARO compositionality benchmark " +
            "(VG-Relation, VG-Attribution, COCO-Order, Flickr30k-Order) from ONNX encoders.");
        root.Options.Add(CommonOptions.Verbose);
        var examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [root] =
            [
                "aro eval --model models/demo --subset data/demo/cases.jsonl",
                "aro eval --model clip --subset relation --data ~/aro-data",
                "aro models inspect models/demo",
                "aro report results/clip results/negclip --out report.html",
                "aro compare results/baseline results/candidate --max-drop 0.01",
            ],
        };
        foreach (var command in commands)
        {
            root.Subcommands.Add(command.Command);
            foreach (var (key, value) in command.Examples)
            {
                examples[key] = value;
            }
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, examples);

        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // aro handles SIGINT/SIGTERM itself (Program.cs): it cancels the command, which stops within a second.
            ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            ErrorReporter.ReportUsage(ParseErrorMessages.Describe(parse), ParseErrorMessages.CommandPath(parse), console);
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, console, parse.GetValue(CommonOptions.Verbose));
        }
    }
}
