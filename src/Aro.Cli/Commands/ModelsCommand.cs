using System.CommandLine;
using System.Globalization;
using Aro.Cli.Rendering;
using Aro.Core;
using Aro.Core.Download;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Text;
using Spectre.Console;

namespace Aro.Cli.Commands;

/// <summary><c>aro models list | pull | inspect</c>.</summary>
internal sealed class ModelsCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Argument<string> _inspectDir = new("dir") { Description = "A model package folder or a model name." };
    private readonly Option<string?> _inspectVariant = new("--variant") { Description = $"The graphs' file variant to inspect ({string.Join(", ", GraphVariant.Names)}); default as aro eval chooses." };
    private readonly Argument<string> _pullName = new("name") { Description = "A model name from `aro models list` (clip downloads; negclip and blip-* print how to export them)." };
    private readonly Option<string?> _pullCatalog = new("--catalog") { Description = "Read model entries from this catalog file instead of the built-in models/catalog.json." };
    private readonly Option<bool> _pullForce = new("--force") { Description = "Download again and replace the model's folder even if it is present." };
    private readonly Option<bool> _pullAllowUnverified = new("--allow-unverified") { Description = "Install files for which neither the catalog nor the server gives a hash (their sha256 is still recorded)." };

    public ModelsCommand(CliConsole console)
    {
        _console = console;
        var list = new Command("list", "List the known models (source, size, whether present under models/ or $ARO_MODELS), then any other packages there.");
        list.SetAction(_ => List());
        var inspect = new Command("inspect", "Show what aro finds in a model package: layout, graphs with their inputs and outputs, tokenizer, transform, scoring; load it and check that the parts fit.")
        {
            _inspectDir, _inspectVariant,
        };
        inspect.SetAction(Inspect);
        var pull = new Command(
            "pull",
            "Download a catalog model into models/<name> (or $ARO_MODELS/<name>): resumes an interrupted download, checks every file's sha256, " +
            "and moves the folder into place only when it is complete. ARO_HF_ENDPOINT (or HF_ENDPOINT) points it at a Hugging Face mirror.")
        {
            _pullName, _pullCatalog, _pullForce, _pullAllowUnverified,
        };
        pull.SetAction(PullAsync);
        Command = new Command("models", "Model packages: list, pull and inspect.") { list, pull, inspect };
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [Command] = ["aro models list", "aro models pull clip", "aro models inspect models/demo"],
            [list] = ["aro models list", "ARO_MODELS=/data/models aro models list"],
            [pull] = ["aro models pull clip", "ARO_MODELS=/data/models aro models pull clip", "HF_ENDPOINT=https://hf-mirror.com aro models pull clip"],
            [inspect] = ["aro models inspect models/demo", "aro models inspect ~/hf/clip-vit-base-patch32", "aro models inspect ~/hf/siglip-base-patch16-224 --variant fp16"],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private int List()
    {
        var root = Path.GetFullPath(AroPaths.FromEnvironment().ModelsRoot);
        var catalog = ModelCatalog.BuiltIn;
        var known = new Table().Border(TableBorder.Rounded).Title("known models")
            .AddColumn(new TableColumn("name").NoWrap()).AddColumn("family").AddColumn("source")
            .AddColumn(new TableColumn("size").RightAligned()).AddColumn("present").AddColumn("folder");
        foreach (var model in catalog.Models)
        {
            var dir = Path.Combine(root, model.Name);
            var present = model.IsPresentIn(dir);
            var size = present ? Sizes.Format(Sizes.OfFolder(dir)) : model.SizeBytes is { } bytes ? Sizes.Format(bytes) : "unknown";
            known.AddRow(Markup.Escape(model.Name), model.Family, Markup.Escape(model.Source), size, present ? "[green]yes[/]" : "no", Markup.Escape(ShortPath(dir)));
        }

        _console.Results.Write(known);
        var others = ModelLocator.KnownNames(AroPaths.FromEnvironment().ModelsRoot).Where(n => catalog.Find(n) is null).ToList();
        if (others.Count == 0)
        {
            return ExitCodes.Ok;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"other packages under {Markup.Escape(root)}")
            .AddColumn("name").AddColumn("family").AddColumn("layout").AddColumn("scoring").AddColumn(new TableColumn("size").RightAligned());
        foreach (var name in others)
        {
            var dir = Path.Combine(root, name);
            try
            {
                var package = ModelPackageLoader.Load(dir);
                table.AddRow(Markup.Escape(name), package.Family.Name, package.Layout, ScoringModes.Name(package.Scoring), Sizes.Format(Sizes.OfFolder(dir)));
            }
            catch (Aro.Core.AroException ex)
            {
                table.AddRow(Markup.Escape(name), "[red]invalid[/]", "", "", Markup.Escape(ex.Message));
            }
        }

        _console.Results.Write(table);
        return ExitCodes.Ok;
    }

    private async Task<int> PullAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetValue(_pullName)!;
        var catalog = parse.GetValue(_pullCatalog) is { } path ? ModelCatalog.Load(path) : ModelCatalog.BuiltIn;
        var model = catalog.Find(name)
            ?? throw new Aro.Core.AroInputException($"unknown model '{name}'; the catalog lists {string.Join(", ", catalog.Models.Select(m => m.Name))}");
        var puller = ModelPuller.Create(DownloadOptions.Default, DownloadEndpoints.FromEnvironment());
        var options = new ModelPullOptions(parse.GetValue(_pullForce), parse.GetValue(_pullAllowUnverified));
        var observer = new ConsoleDownloadObserver(_console);
        var result = await observer.RunAsync(o => puller.PullAsync(model, AroPaths.FromEnvironment().ModelsRoot, options, o, cancellationToken)).ConfigureAwait(false);
        if (result.AlreadyInstalled)
        {
            _console.Out.WriteLine($"{model.Name} is already installed in {result.Folder} (--force downloads it again)");
            return ExitCodes.Ok;
        }

        var files = result.Receipt!.Files;
        var againstServer = files.Count(f => f.VerifiedAgainst != "catalog");
        var checkedText = againstServer == 0
            ? "every sha256 matches the catalog"
            : $"{files.Count - againstServer} sha256 match the catalog, {againstServer} checked against the server's hash only (see {ModelReceipt.FileName})";
        _console.Out.WriteLine($"installed {model.Name} in {result.Folder}: {files.Count} files, {Sizes.Format(files.Sum(f => f.Size))}; {checkedText}");
        return ExitCodes.Ok;
    }

    /// <summary>Relative to the working folder when inside it (<c>models/clip</c>), else absolute.</summary>
    private static string ShortPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private int Inspect(ParseResult parse)
    {
        var directory = ModelLocator.Resolve(parse.GetValue(_inspectDir)!, AroPaths.FromEnvironment().ModelsRoot);
        var hashed = ManifestHashes.Verify(directory);
        var package = ModelPackageLoader.Load(directory, parse.GetValue(_inspectVariant));
        var o = _console.Out;
        var t = package.ImageTransform;
        o.WriteLine($"package    {package.Directory}");
        o.WriteLine($"name       {package.Name}");
        o.WriteLine($"layout     {package.Layout}");
        o.WriteLine($"family     {package.Family.Name}: {package.Family.Description}");
        o.WriteLine($"variant    {package.Variant.Name}: {package.Variant.Description}");
        o.WriteLine($"scoring    {ScoringModes.Name(package.Scoring)}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"transform  {(t.Resize == Aro.Core.Imaging.ResizeMode.ShortestSide ? $"shortest side to {t.ResizeShortestEdge}, center crop {t.Width}x{t.Height}" : $"squash to {t.Width}x{t.Height}")}, {Aro.Core.Imaging.ResampleFilters.Name(t.Resample)}, mean [{string.Join(", ", t.Mean)}], std [{string.Join(", ", t.Std)}]"));
        var k = package.Tokenizer;
        o.WriteLine($"tokenizer  {TokenizerKinds.Name(k.Kind)}, {Path.GetFileName(k.VocabularyPath)}{(k.MergesPath is null ? "" : " + " + Path.GetFileName(k.MergesPath))}, context {k.ContextLength}, pad {k.PadId}{(k.EncTokenId is { } enc ? $", [ENC] {enc}" : "")}");
        foreach (var note in package.Notes)
        {
            o.WriteLine($"note       {note}");
        }

        o.WriteLine(hashed > 0 ? $"sha256     {hashed} file(s) match {ModelManifest.FileName}" : $"sha256     not checked: no {ModelManifest.FileName} hashes (provenance.sha256)");
        using var model = LoadedModel.Load(package, RuntimeOptions.Default with { IntraOpThreads = 1 });
        var image = model.ImageEncoder as OnnxImageEncoder;
        var text = model.TextEncoder as OnnxTextEncoder;
        WriteGraph("vision", model.ImageEncoder.Signature, image?.EmbeddingOutput, package.Manifest?.VisionOutput is not null);
        WriteGraph("text", model.TextEncoder.Signature, text?.EmbeddingOutput, package.Manifest?.TextOutput is not null);
        foreach (var graph in model.ScoringGraphs)
        {
            WriteGraph(graph.Role, graph.Signature, null, false);
        }

        o.WriteLine(model.TextEncoder.FixedSequenceLength is { } fixedLength
            ? $"sequence   fixed at {fixedLength} tokens: every batch is padded to {fixedLength}{(package.Family.Padding == Aro.Core.Models.Families.TextPadding.FullContext ? $" ({package.Family.Name}'s text graph reads the last position)" : "")}"
            : "sequence   dynamic: batches are trimmed to their longest caption");
        o.WriteLine($"batch      vision {BatchAxis(image?.FixedBatchSize, "images")}; text {BatchAxis(text?.FixedBatchSize, "captions")}");
        o.WriteLine($"fingerprint {Convert.ToHexStringLower(model.Fingerprint)[..16]} (keys the embedding cache)");
        o.WriteLine($"check      ok: graphs load, fit the transform and the tokenizer, and both give {model.EmbeddingSize}-value embeddings");
        return ExitCodes.Ok;
    }

    private static string BatchAxis(int? fixedBatch, string items) => fixedBatch is { } size
        ? $"fixed at {size}: {items} run {size} per call{(size > 1 ? ", the last call padded" : "")}"
        : "dynamic";

    private void WriteGraph(string role, GraphSignature graph, string? embedding, bool fromManifest)
    {
        _console.Out.WriteLine($"{role,-10} {Path.GetRelativePath(Path.GetDirectoryName(graph.Path)!, graph.Path)} ({Sizes.Format(new FileInfo(graph.Path).Length)})");
        foreach (var input in graph.Inputs)
        {
            _console.Out.WriteLine($"  input    {input}");
        }

        foreach (var output in graph.Outputs)
        {
            _console.Out.WriteLine(output.Name == embedding
                ? $"  output   {output}   <- the {role} embedding ({(fromManifest ? "named in aro-model.json" : "the family's rule")})"
                : $"  output   {output}");
        }
    }
}
