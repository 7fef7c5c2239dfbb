using System.CommandLine;
using Aro.Cli.Rendering;
using Aro.Core;
using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.Download;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Cli.Commands;

/// <summary><c>aro eval</c>: run subsets through a model package and write the results folder.</summary>
internal sealed class EvalCommand : ICliCommand
{
    private readonly Option<string> _model = new("--model", "-m")
    {
        Description = "Model name under models/ (or $ARO_MODELS), or a model package folder.",
        Required = true,
    };

    private readonly Option<string> _subset = new("--subset", "-s")
    {
        Description = $"Subsets and benchmarks, comma-separated: {SubsetSelection.Accepted}.",
        Required = true,
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = "Data folder: the subset's root (holding its annotation file) or a folder of <subset>/ roots. Default: data/<subset> (or $ARO_DATA/<subset>). A cases file's images may lie under it too.",
    };

    private readonly Option<string?> _out = new("--out", "-o")
    {
        Description = "Results folder. Default: results/<model>.",
    };

    private readonly Option<int> _batchSize = new("--batch-size", "-b")
    {
        Description = "Cases per encoder batch.",
        DefaultValueFactory = _ => 32,
    };

    private readonly Option<int?> _limit = new("--limit")
    {
        Description = "Evaluate only the first N cases of each subset.",
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Seed of the Order perturbations.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string?> _seeds = new("--seeds")
    {
        Description = "Several Order seeds, comma-separated (the paper averages 5: --seeds 1,2,3,4,5); summary.csv shows their mean, seeds.csv each seed with mean and std.",
    };

    private readonly Option<string> _device = new("--device")
    {
        Description = "cpu, or cuda with the GPU build of ONNX Runtime.",
        DefaultValueFactory = _ => "cpu",
    };

    private readonly Option<int> _threads = new("--threads")
    {
        Description = "ONNX Runtime threads per graph run (0: one per physical core).",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string?> _variant = new("--variant")
    {
        Description = $"The graphs' file variant, as transformers.js names them ({string.Join(", ", GraphVariant.Names)}; vision_model_fp16.onnx is fp16). Default: the manifest's 'variant', else fp32, else the only variant the folder has.",
    };

    private readonly Option<string?> _scoring = new("--scoring")
    {
        Description = "itc or itm+itc (BLIP). Default: what the package's manifest says.",
    };

    private readonly Option<string> _onError = new("--on-error")
    {
        Description = "fail: stop at the first bad case (missing or corrupt image, bad box, empty caption, fewer than 2 options, label out of range). skip: leave it out of the metrics, list it in skipped.csv. A malformed file is an error either way (docs/robustness.md).",
        DefaultValueFactory = _ => "fail",
    };

    private readonly Option<bool> _allowSkips = new("--allow-skips")
    {
        Description = "With --on-error skip, exit 0 even when cases were skipped.",
    };

    private readonly Option<bool> _allowOutsideData = new("--allow-outside-data")
    {
        Description = "Read images whose paths lead outside their subset's data folder (through .., absolute paths or symbolic links, e.g. an image folder linked in from another disk); without it such cases are bad cases. Recorded in run.json.",
    };

    private readonly Option<bool> _noCache = new("--no-cache")
    {
        Description = "Neither read nor write the persistent embedding cache.",
    };

    private readonly Option<string?> _cacheDir = new("--cache-dir")
    {
        Description = "Embedding cache folder. Default: $ARO_CACHE, else ~/.cache/aro.",
    };

    private readonly Option<int> _decodeThreads = new("--decode-threads")
    {
        Description = "Threads decoding and resizing images (0: every core when taking turns with the encoders, a quarter of them when overlapping).",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string> _overlap = new("--overlap")
    {
        Description = "on: decode the next batch while the encoders run; off: take turns, each with every core; auto (default): off below 4 cores, where overlapping measured slower.",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Option<string?> _shard = new("--shard")
    {
        Description = "Evaluate one shard i/n of every subset (cases whose index mod n is i); combine shards with aro merge. " +
            "'auto' reads it from a SLURM job array, a Kubernetes Indexed Job (with --shards N) or GitLab parallel jobs (docs/scale-out.md).",
    };

    private readonly Option<int?> _shards = new("--shards")
    {
        Description = "With --shard auto: the number of shards, where the engine does not state it (Kubernetes) or to check that it agrees.",
    };

    private readonly Option<bool> _resume = new("--resume")
    {
        Description = "Continue an interrupted run from the checkpoints in its results folder (same model, data and settings).",
    };

    private readonly Option<bool> _force = new("--force")
    {
        Description = "The results folder holds another run's results (another model or other settings): replace them instead of refusing.",
    };

    private readonly Option<bool> _pull = new("--pull")
    {
        Description = "Download a missing catalog model (aro models pull) and missing or incomplete subset data (aro data pull) first. Without it nothing is downloaded.",
    };

    private readonly Option<string?> _perturbations = new("--perturbations")
    {
        Description = "Retrieval subsets: caption perturbations, comma-separated, from none, shuffle_all_words, shuffle_nouns_and_adj, shuffle_allbut_nouns_and_adj, shuffle_within_trigrams, shuffle_trigrams (default: all; the original captions, none, are always scored).",
    };

    private readonly Option<string?> _imagePerturbations = new("--image-perturbations")
    {
        Description = "Retrieval subsets: image perturbations of the transformed image, comma-separated, from shuffle_rows_4, shuffle_patches_9, shuffle_cols_4 (default: none), each scored against the original captions.",
    };

    private readonly Option<bool> _skipHashCheck = new(ManifestHashes.SkipOption)
    {
        Description = "Do not compare the package's files with the sha256 its aro-model.json lists (for packages whose graphs you are editing).",
    };

    private readonly CliConsole _console;

    public EvalCommand(CliConsole console)
    {
        _console = console;
        _device.AcceptOnlyFromAmong("cpu", "cuda");
        _scoring.AcceptOnlyFromAmong("itc", "itm+itc");
        _onError.AcceptOnlyFromAmong("fail", "skip");
        _overlap.AcceptOnlyFromAmong("auto", "on", "off");
        OptionValidation.Range(_batchSize, 1, 4096);
        OptionValidation.Range(_limit, 1, int.MaxValue);
        OptionValidation.Range(_threads, 0, int.MaxValue);
        OptionValidation.Range(_decodeThreads, 0, int.MaxValue);
        OptionValidation.Parsed(_seeds, text => ParseSeeds(text));
        OptionValidation.Parsed(_shard, text =>
        {
            if (!IsAuto(text))
            {
                Shard.Parse(text);
            }
        });
        Command = new Command("eval", "Evaluate a model on ARO subsets and write summary.csv, <subset>.groups.csv, <subset>.predictions.csv and run.json.")
        {
            _model, _subset, _data, _out, _batchSize, _limit, _seed, _seeds, _device, _threads, _decodeThreads, _variant, _scoring,
            _onError, _allowSkips, _allowOutsideData, _noCache, _cacheDir, _overlap, _shard, _shards, _resume, _force, _pull, _perturbations, _imagePerturbations, _skipHashCheck,
        };
        Command.Validators.Add(result =>
        {
            if (result.GetResult(_seeds) is { Implicit: false } && result.GetResult(_seed) is { Implicit: false })
            {
                result.AddError("give either --seed or --seeds, not both");
            }
        });
        Command.SetAction(RunAsync);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro eval --model models/demo --subset data/demo/cases.jsonl",
                "aro eval --model clip --subset relation --data ~/aro-data --out results/clip",
                "aro eval --model negclip --subset aro --batch-size 64",
                "aro eval --model clip --subset sugarcrepe",
                "aro eval --model clip --subset aro,sugarcrepe-swap-att",
                "aro eval --model clip --subset coco-order --seeds 1,2,3,4,5",
                "aro eval --model clip --subset retrieval --seeds 1,2,3,4,5   # recall with and without shuffled words",
                "aro eval --model clip --subset coco-retrieval --perturbations shuffle_all_words --image-perturbations shuffle_patches_9",
                "aro eval --model clip --subset winoground   # needs data/winoground (aro data pull winoground, with HF_TOKEN)",
                "aro eval --model ./my-export --subset attribution --limit 500",
                "aro eval --model siglip --subset aro --variant fp16",
                "aro eval --model clip --subset relation --on-error skip --allow-skips",
                "aro eval --model clip --subset all --shard 0/4 --out results/clip-0   (then aro merge)",
                "aro eval --model clip --subset all --shard auto --out shards/$SLURM_ARRAY_TASK_ID   (in a SLURM job array)",
                "aro eval --model clip --subset all --resume   (after Ctrl-C)",
                "aro eval --model clip --subset relation --pull        # downloads the model and data first",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    /// <summary>
    /// Without --pull: fails (exit 2) naming every missing model or subset with the command that fetches it.
    /// With --pull: fetches the model if it is a catalog name not yet installed, and every named subset's missing data.
    /// </summary>
    private async Task EnsurePrerequisitesAsync(ParseResult parse, SubsetSelection subsets, AroPaths paths, CancellationToken cancellationToken)
    {
        var model = parse.GetValue(_model)!;
        var data = parse.GetValue(_data);
        if (EvalPrerequisites.UninstalledCatalogModel(model, paths.ModelsRoot) is null)
        {
            // Not a catalog model waiting to be pulled: an unknown name or a wrong path is the first thing to report.
            ModelLocator.Resolve(model, paths.ModelsRoot);
        }

        EvalPreflight.CheckDataFolder(data, parse.GetValue(_pull));

        if (!parse.GetValue(_pull))
        {
            var missing = EvalPrerequisites.Find(model, subsets, data, paths);
            if (missing.Count == 0)
            {
                return;
            }

            var lines = missing.Select(m => $"  - {m.Problem}: {(m.Pullable ? "run" : "build it with")} `{m.Command}`");
            var hint = missing.Any(m => m.Pullable)
                ? "Run the command(s) above, or add --pull to download first (aro never downloads without it)."
                : "Build it with the command above, then run aro eval again.";
            throw new Aro.Core.AroInputException(
                $"aro eval needs what is not here:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}{hint}");
        }

        var endpoints = DownloadEndpoints.FromEnvironment();
        var observer = new ConsoleDownloadObserver(_console);
        if (EvalPrerequisites.UninstalledCatalogModel(model, paths.ModelsRoot) is { } entry)
        {
            var puller = ModelPuller.Create(DownloadOptions.Default, endpoints);
            await observer.RunAsync(o => puller.PullAsync(entry, paths.ModelsRoot, new ModelPullOptions(), o, cancellationToken)).ConfigureAwait(false);
        }

        var dataPuller = DataPuller.Create(DownloadOptions.Default, endpoints);
        foreach (var subset in subsets.NativeSubsets)
        {
            await observer.RunAsync(o => dataPuller.PullAsync(subset, data, paths.DataRoot, new DataPullOptions(HuggingFaceToken: HuggingFaceToken.FromEnvironment()), o, cancellationToken)).ConfigureAwait(false);
        }
    }

    private RetrievalOptions RetrievalOptionsOf(ParseResult parse) => new(
        parse.GetValue(_perturbations) is { } perturbations ? CaptionPerturbations.ParseList(perturbations) : RetrievalOptions.Default.Perturbations,
        parse.GetValue(_imagePerturbations) is { } images ? ImagePerturbations.ParseList(images) : []);

    /// <summary>The seeds of a run: <c>--seeds</c> (checked by its validator), else <c>--seed</c>.</summary>
    private IReadOnlyList<int> SeedList(ParseResult parse) =>
        parse.GetValue(_seeds) is { } list ? ParseSeeds(list) : [parse.GetValue(_seed)];

    /// <summary>Parses <c>--seeds</c>: comma-separated integers, each counted once.</summary>
    private static List<int> ParseSeeds(string list)
    {
        var seeds = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seed))
            {
                throw new Aro.Core.AroInputException($"--seeds: '{part}' is not an integer (expected e.g. 1,2,3,4,5)");
            }

            if (!seeds.Contains(seed))
            {
                seeds.Add(seed);
            }
        }

        return seeds.Count > 0 ? seeds : throw new Aro.Core.AroInputException("--seeds names no seed (expected e.g. 1,2,3,4,5)");
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var paths = AroPaths.FromEnvironment();
        // Everything that can be checked without the model is checked before it is loaded: the option values (by
        // their validators), the subsets, the --out and --data folders, the model's presence, the data's.
        var subsets = SubsetSelection.Parse(parse.GetValue(_subset)!);
        EvalPreflight.CheckOutFolder(parse.GetValue(_out));
        await EnsurePrerequisitesAsync(parse, subsets, paths, cancellationToken).ConfigureAwait(false);
        if (!parse.GetValue(_skipHashCheck))
        {
            ManifestHashes.Verify(ModelLocator.Resolve(parse.GetValue(_model)!, paths.ModelsRoot));
        }

        var request = new EvalRequest(
            parse.GetValue(_model)!,
            parse.GetValue(_subset)!,
            parse.GetValue(_data),
            parse.GetValue(_out),
            new EvaluationSettings(
                parse.GetValue(_batchSize),
                parse.GetValue(_limit),
                parse.GetValue(_decodeThreads),
                parse.GetValue(_onError) == "skip" ? ErrorPolicy.Skip : ErrorPolicy.Fail,
                Overlap: OverlapOption.Parse(parse.GetValue(_overlap)),
                AllowOutsideData: parse.GetValue(_allowOutsideData)),
            new RuntimeOptions(parse.GetValue(_device) == "cuda" ? ExecutionDevice.Cuda : ExecutionDevice.Cpu, parse.GetValue(_threads)),
            ScoringModes.Parse(parse.GetValue(_scoring)),
            SeedList(parse),
            parse.GetValue(_cacheDir),
            parse.GetValue(_noCache),
            parse.GetValue(_allowSkips),
            ShardOf(parse),
            parse.GetValue(_resume),
            paths,
            parse.GetValue(_force),
            ["aro", .. parse.Tokens.Select(t => t.Value)],
            parse.GetValue(_variant),
            RetrievalOptionsOf(parse));
        var observer = new ConsoleEvalObserver(_console, parse.GetValue(CommonOptions.Verbose));
        var outcome = await observer.RunAsync(o => EvalJob.RunAsync(request, o, cancellationToken)).ConfigureAwait(false);
        SummaryTable.Write(_console, outcome);
        RetrievalTables.Write(_console, outcome);
        if (outcome.Skipped > 0)
        {
            _console.Error.WriteLine($"{outcome.Skipped} case(s) were skipped; see {Path.Combine(outcome.OutputDirectory, ResultFiles.Skipped)}.");
            if (!request.AllowSkips)
            {
                _console.Error.WriteLine($"{ErrorReporter.Prefix}exiting with 1 because cases were skipped.");
                _console.Error.WriteLine("Pass --allow-skips to accept skipped cases, or fix them and run again.");
                return ExitCodes.Failure;
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>Whether <c>--shard</c> asks for the engine's shard.</summary>
    private static bool IsAuto(string? shard) => string.Equals(shard?.Trim(), "auto", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shard: <c>--shard i/n</c>, or for <c>--shard auto</c> the one the engine's variables name.</summary>
    private Shard? ShardOf(ParseResult parse)
    {
        var text = parse.GetValue(_shard);
        var shards = parse.GetValue(_shards);
        if (!IsAuto(text))
        {
            if (shards is not null)
            {
                throw new AroInputException("--shards is only read with --shard auto; with --shard i/n the n is the number of shards");
            }

            return text is null ? null : Shard.Parse(text);
        }

        var variables = new[]
        {
            ShardEnvironment.SlurmTaskId, ShardEnvironment.SlurmTaskCount, ShardEnvironment.SlurmTaskMin, ShardEnvironment.SlurmTaskMax,
            ShardEnvironment.SlurmTaskStep, ShardEnvironment.KubernetesIndex, ShardEnvironment.GitLabIndex, ShardEnvironment.GitLabTotal,
        };
        var assignment = ShardEnvironment.Resolve(variables.ToDictionary(v => v, Environment.GetEnvironmentVariable), shards);
        _console.Error.WriteLine($"aro: --shard auto: shard {assignment.Shard} from {assignment.Source}");
        return assignment.Shard;
    }
}
