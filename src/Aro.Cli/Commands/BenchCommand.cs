using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Aro.Core;
using Aro.Core.Bench;
using Aro.Core.IO;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Results;

namespace Aro.Cli.Commands;

/// <summary><c>aro bench</c>: bare encoder throughput vs the full pipeline, on the same session options.</summary>
internal sealed class BenchCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Option<string> _model = new("--model", "-m") { Description = "Model name or package folder.", Required = true };
    private readonly Option<int> _images = new("--images") { Description = "Cases in the generated dataset (one image, two captions each).", DefaultValueFactory = _ => 200 };
    private readonly Option<int> _batchSize = new("--batch-size", "-b") { Description = "Cases per batch (images per bare vision batch).", DefaultValueFactory = _ => 32 };
    private readonly Option<int> _threads = new("--threads") { Description = "ONNX Runtime threads per graph run (0: one per physical core).", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _decodeThreads = new("--decode-threads") { Description = "Pipeline decode threads (0: every core when taking turns, a quarter when overlapping).", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _device = new("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => "cpu" };
    private readonly Option<string> _spinWait = new("--spin-wait") { Description = "on: ONNX Runtime threads spin while idle (its default); off: they sleep.", DefaultValueFactory = _ => "on" };
    private readonly Option<string> _overlap = new("--overlap") { Description = "on: decode the next batch while the encoders run; off: take turns, each with every core; auto: off below 4 cores.", DefaultValueFactory = _ => "auto" };
    private readonly Option<string> _pageLock = new("--page-lock") { Description = "on: page-lock the pixel tensors for the GPU's DMA (the bare encoders' too); off: pageable; auto: on with --device cuda.", DefaultValueFactory = _ => "auto" };
    private readonly Option<string?> _out = new("--out", "-o") { Description = "JSON file for the numbers. Default: results/bench/<model>.json." };
    private readonly Option<bool> _skipHashCheck = new(ManifestHashes.SkipOption) { Description = "Do not compare the package's files with the sha256 its aro-model.json lists." };
    private readonly Option<bool> _profile = new("--profile") { Description = "Time every stage of the pipeline run (read, hash, decode, crop, resize+normalise, tokenise, encode, score, write, waits) and print totals and a per-batch timeline (also in the JSON)." };
    private readonly Option<string?> _simulate = new("--simulate-encoders")
    {
        Description = "IMAGES_PER_S,CAPTIONS_PER_S: replace both graphs by encoders that take exactly that long and use no CPU (as a GPU's), with a GPU's pipeline settings, to see whether this machine's cores keep such encoders busy.",
    };

    public BenchCommand(CliConsole console)
    {
        _console = console;
        _device.AcceptOnlyFromAmong("cpu", "cuda");
        _spinWait.AcceptOnlyFromAmong("on", "off");
        _overlap.AcceptOnlyFromAmong("auto", "on", "off");
        _pageLock.AcceptOnlyFromAmong("auto", "on", "off");
        OptionValidation.Range(_images, 1, int.MaxValue);
        OptionValidation.Range(_batchSize, 1, 4096);
        OptionValidation.Range(_threads, 0, int.MaxValue);
        OptionValidation.Range(_decodeThreads, 0, int.MaxValue);

        Command = new Command("bench", "Measure the bare image and text encoders on synthetic inputs, then the whole pipeline on a generated dataset, and print their ratio.")
        {
            _model, _images, _batchSize, _threads, _decodeThreads, _device, _spinWait, _overlap, _pageLock, _out, _profile, _simulate, _skipHashCheck,
        };
        Command.SetAction(RunAsync);
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] =
            [
                "aro bench --model models/demo --images 1000",
                "aro bench --model models/bench-vit-b32 --images 320 --profile",
                "aro bench --model models/bench-vit-b32 --images 2000 --simulate-encoders 2582,20041 --profile",
            ],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var directory = ModelLocator.Resolve(parse.GetValue(_model)!, AroPaths.FromEnvironment().ModelsRoot);
        if (!parse.GetValue(_skipHashCheck))
        {
            ManifestHashes.Verify(directory);
        }

        var package = ModelPackageLoader.Load(directory);

        var work = Path.Combine(Path.GetTempPath(), "aro-bench-" + Guid.NewGuid().ToString("N"));
        var runtime = new RuntimeOptions(parse.GetValue(_device) == "cuda" ? ExecutionDevice.Cuda : ExecutionDevice.Cpu, parse.GetValue(_threads), parse.GetValue(_spinWait) == "on");
        BenchResult result;
        try
        {
            var settings = new BenchSettings(parse.GetValue(_images), parse.GetValue(_batchSize), runtime, parse.GetValue(_decodeThreads), work,
                OverlapOption.Parse(parse.GetValue(_overlap)), parse.GetValue(_profile), SimulatedRates(parse.GetValue(_simulate)),
                parse.GetValue(_pageLock) switch { "on" => true, "off" => false, _ => null });
            result = await EncoderBenchmark.RunAsync(package, settings, line => _console.Error.WriteLine(line), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }

        var o = _console.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model            {result.Model} on {result.ProcessorCount} cores, ONNX Runtime {result.OnnxruntimeVersion}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"settings         intra-op threads {(result.IntraOpThreads == 0 ? "auto" : result.IntraOpThreads)} (spin-wait {(result.SpinWait ? "on" : "off")}), decode threads {result.DecodeThreads} ({(result.Overlap ? "overlapping inference" : "taking turns with inference")}), batch {result.BatchSize} images / {result.TextBatchSize} captions{(result.PageLocked ? ", page-locked tensors" : "")}"));
        var bareSource = result.Simulated ? "simulated: no graph is run" : "median batch";
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare encoders    {result.ImagesPerSecond:F1} images/s, {result.CaptionsPerSecond:F1} captions/s ({bareSource})"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline         {result.Cases} cases in {result.PipelineSeconds:F2} s = {result.CasesPerSecond:F2} cases/s ({result.ImagesEncoded} images, {result.CaptionsEncoded} captions encoded)"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio            {result.Ratio:P1} of the bare encoders (they would need {result.BareSecondsForSameWork:F2} s for the same work)"));
        if (result.EncoderBusy is { } busy)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"encoders busy    {busy:P1} of the pipeline's wall time (measured in the same run)"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory      {result.PeakWorkingSetBytes / (1024.0 * 1024):F0} MiB working set"));
        if (result.Profile is { } profile)
        {
            foreach (var line in ProfileText.Lines(profile))
            {
                o.WriteLine(line);
            }
        }

        var output = Path.GetFullPath(parse.GetValue(_out) ?? Path.Combine("results", "bench", package.Name + ".json"));
        AtomicFile.WriteText(output, JsonSerializer.Serialize(result, RunManifestWriter.Options) + "\n");
        o.WriteLine($"written          {output}");
        return ExitCodes.Ok;
    }

    private static (double, double)? SimulatedRates(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var images) && double.IsFinite(images) && images > 0
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var captions) && double.IsFinite(captions) && captions > 0
            ? (images, captions)
            : throw new AroInputException($"--simulate-encoders '{value}': expected two positive numbers, images/s and captions/s, e.g. 2582,20041");
    }
}
