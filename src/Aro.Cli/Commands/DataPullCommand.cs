using System.CommandLine;
using System.Globalization;
using Aro.Cli.Rendering;
using Aro.Core;
using Aro.Core.Benchmarks;
using Aro.Core.Download;
using Aro.Core.Perturbations;

namespace Aro.Cli.Commands;

/// <summary><c>aro data pull &lt;subset&gt;</c>: download what a subset's data folder lacks.</summary>
internal sealed class DataPullCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string> _subset = SubsetArgument.Create();
    private readonly Option<string?> _data = SubsetArgument.DataOption();
    private readonly Option<bool> _keepArchives = new("--keep-archives") { Description = "Keep downloaded image archives (vgr_vga_images.zip, val2017.zip) after unpacking them (default: delete them)." };
    private readonly Option<int> _parallel = new("--parallel")
    {
        Description = "COCO images fetched at once.",
        DefaultValueFactory = _ => DownloadOptions.Default.ParallelDownloads,
    };

    public DataPullCommand(CliConsole console)
    {
        _console = console;
        _parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 64)
            {
                r.AddError("--parallel must be between 1 and 64.");
            }
        });
        Command = new Command(
            "pull",
            "Download a subset's data: VG annotations and the shared image zip from the authors' Google Drive (into vg/), " +
            "the COCO Karpathy test split and its 5,000 val2014 images one by one, the Flickr30k split (its images need a request form), " +
            "SugarCrepe's seven files from its official repository and COCO's val2017 zip (into sugarcrepe/), " +
            "Winoground's examples.jsonl and images.zip from its gated Hugging Face dataset with the token in HF_TOKEN (into winoground/). " +
            "Fetches only what is missing; an interrupted pull resumes.")
        {
            _subset, _data, _keepArchives, _parallel,
        };
        Command.SetAction(RunAsync);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro data pull relation",
                "aro data pull attribution            # reuses the images relation fetched",
                "aro data pull coco-order --parallel 16",
                "aro data pull all --data ~/aro-data",
                "aro data pull sugarcrepe             # all seven subsets, one val2017 zip",
                "HF_TOKEN=hf_... aro data pull winoground   # gated: accept its terms on Hugging Face first",
                "aro data pull coco-retrieval         # the COCO-Order files (data/coco-order)",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var data = parse.GetValue(_data);
        var paths = AroPaths.FromEnvironment();
        var options = DownloadOptions.Default with { ParallelDownloads = parse.GetValue(_parallel) };
        var puller = DataPuller.Create(options, DownloadEndpoints.FromEnvironment());
        var pullOptions = new DataPullOptions(parse.GetValue(_keepArchives), HuggingFaceToken.FromEnvironment());
        var observer = new ConsoleDownloadObserver(_console);
        foreach (var subset in SubsetArgument.Resolve(parse.GetValue(_subset)!))
        {
            var result = await observer.RunAsync(o => puller.PullAsync(subset, data, paths.DataRoot, pullOptions, o, cancellationToken)).ConfigureAwait(false);
            _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{subset.Name}: {(result.Fetched ? "complete" : "already complete")} in {result.Folder} ({result.Cases:N0} cases, {result.Images:N0} images)"));
        }

        return ExitCodes.Ok;
    }
}
