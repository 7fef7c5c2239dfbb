using System.Text.Json;
using Aro.Core.IO;
using Aro.Core.Imaging;
using Aro.Core.Perturbations;
using Aro.Core.Models.Families;
using Aro.Core.Text;

namespace Aro.Core.Models;

/// <summary>
/// Resolves a model folder into a <see cref="ModelPackage"/>. Three layouts load as-is: aro's own
/// (<c>vision_model.onnx</c>, <c>text_model.onnx</c> and tokenizer files at the top, optional
/// <c>aro-model.json</c>), the Hugging Face transformers.js one (<c>onnx/vision_model.onnx</c>,
/// <c>onnx/text_model.onnx</c>, <c>preprocessor_config.json</c>, <c>tokenizer_config.json</c>, <c>tokenizer.json</c>),
/// and open_clip-style exports (<c>visual/model.onnx</c>, <c>textual/model.onnx</c>; their input and output names go in
/// the manifest). Each graph may come in transformers.js file variants (<c>vision_model_fp16.onnx</c>, ...): the
/// variant asked for, else fp32, else the only one there.
/// </summary>
public static class ModelPackageLoader
{
    private const string ItmFile = "itm_model.onnx";

    private static readonly string[] VisionFiles = ["vision_model.onnx", Path.Combine("onnx", "vision_model.onnx"), Path.Combine("visual", "model.onnx")];
    private static readonly string[] TextFiles = ["text_model.onnx", Path.Combine("onnx", "text_model.onnx"), Path.Combine("textual", "model.onnx")];
    private static readonly string[] ItmFiles = [ItmFile, Path.Combine("onnx", ItmFile)];

    /// <summary>Resolves <paramref name="directory"/>; <paramref name="variant"/> (a <see cref="GraphVariant"/> name) overrides the manifest's.</summary>
    public static ModelPackage Load(string directory, string? variant = null)
    {
        var dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
        {
            throw new AroInputException($"model package not found: {dir} is not a folder");
        }

        var notes = new List<string>();
        var manifest = ReadManifest(dir);
        var requested = ParseVariant(dir, variant, manifest?.Variant);
        var vision = FindGraph(dir, manifest?.VisionModel, "vision_model", VisionFiles, "vision (image) encoder", requested);
        var text = FindGraph(dir, manifest?.TextModel, "text_model", TextFiles, "text encoder", requested);
        var chosen = requested ?? AgreeOnVariant(dir, vision, text);
        if (requested is null && chosen != GraphVariant.Fp32)
        {
            notes.Add($"variant {chosen.Name} ({chosen.Description}): the only file variant there ({Path.GetRelativePath(dir, vision.Path)}, {Path.GetRelativePath(dir, text.Path)}); --variant chooses another");
        }
        else if (requested is not null)
        {
            notes.Add($"variant {chosen.Name} ({chosen.Description}) from {(variant is not null ? "--variant" : "aro-model.json")}");
        }

        if (chosen.QuantizesPerCall)
        {
            notes.Add($"variant {chosen.Name} quantises activations per call: scores depend slightly on which cases share a batch (--batch-size) and on what the embedding cache already holds");
        }

        var itm = manifest?.ItmModel is { } itmName
            ? FindGraph(dir, itmName, "itm_model", ItmFiles, "ITM head", chosen).Path
            : FindOptionalItm(dir, chosen);
        var layout = Path.GetDirectoryName(vision.Path) == dir ? "aro"
            : Path.GetFileName(Path.GetDirectoryName(vision.Path)) == "visual" ? "open_clip"
            : "transformers.js";

        var family = ParseFamily(manifest?.Family, dir, notes);
        var tokenizer = family.CompleteTokenizer(ResolveTokenizer(dir, family, manifest?.Tokenizer, notes), notes);
        var transform = ResolveTransform(dir, family, manifest?.ImageTransform, notes);
        var scoring = ParseScoring(manifest?.Scoring, dir, family, new PackageGraphs(vision.Path, text.Path, itm), notes);
        if (scoring == ScoringMode.ItmPlusItc && itm is null)
        {
            var source = manifest?.Scoring is null ? dir : $"{Path.Combine(dir, ModelManifest.FileName)}: field 'scoring'";
            throw new AroInputException($"{source}: scoring itm+itc needs {ItmFile}, which the package does not have");
        }

        var externalData = new List<string>();
        foreach (var graph in new[] { vision.Path, text.Path, itm }.OfType<string>())
        {
            foreach (var data in OnnxGraphFile.Read(graph).ExternalData.Where(d => !externalData.Contains(d, StringComparer.Ordinal)))
            {
                externalData.Add(data);
                notes.Add($"{Path.GetRelativePath(dir, graph)} keeps weights in {Path.GetRelativePath(dir, data)} (external data; hashed with the graph)");
            }
        }

        var name = manifest?.Name ?? Path.GetFileName(dir.TrimEnd(Path.DirectorySeparatorChar));
        return new ModelPackage(name, dir, layout, family, vision.Path, text.Path, itm, transform, tokenizer, scoring, manifest, notes)
        {
            Variant = chosen,
            ExternalDataFiles = externalData,
        };
    }

    /// <summary>The package's aro-model.json, or null when it has none.</summary>
    internal static ModelManifest? ReadManifest(string dir)
    {
        var path = Path.Combine(dir, ModelManifest.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(RegularFile.Require(path, "model manifest")))
                ?? throw new AroInputException($"{path}: empty manifest");
            if (manifest.Format != 1)
            {
                throw new AroInputException($"{path}: field 'format' is {manifest.Format}; this aro reads format 1");
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            var name = ex.Path?.TrimStart('$', '.');
            var field = string.IsNullOrEmpty(name) ? "" : $" at field '{name}'";
            throw new AroInputException($"{path}: malformed manifest{field} (line {ex.LineNumber + 1}): {ex.Message.Split(" Path:")[0]}", ex);
        }
    }

    private static GraphVariant? ParseVariant(string dir, string? option, string? manifest)
    {
        if ((option ?? manifest) is not { } name)
        {
            return null;
        }

        var source = option is not null ? "--variant" : $"{Path.Combine(dir, ModelManifest.FileName)}: field 'variant'";
        return GraphVariant.Find(name) ?? throw new AroInputException(
            $"{source}: '{name}' is not a file variant; expected {string.Join(", ", GraphVariant.Names)}.{NameSuggestions.DidYouMean(name, GraphVariant.Names)}");
    }

    /// <summary>Without a requested variant both towers must have found the same one, or the run would mix them unannounced.</summary>
    private static GraphVariant AgreeOnVariant(string dir, GraphChoice vision, GraphChoice text) =>
        vision.Variant == text.Variant
            ? vision.Variant
            : throw new AroInputException(
                $"{dir}: the vision graph is the {vision.Variant.Name} file {Path.GetRelativePath(dir, vision.Path)} but the text graph the {text.Variant.Name} file {Path.GetRelativePath(dir, text.Path)}; choose one variant for both with --variant (or 'variant' in aro-model.json)");

    /// <summary>
    /// The graph for <paramref name="requested"/> (null: fp32 if there, else the only variant there) among the
    /// manifest's file or the default places, each place tried in order.
    /// </summary>
    private static GraphChoice FindGraph(string dir, string? manifestName, string field, string[] defaults, string what, GraphVariant? requested)
    {
        string[] places;
        var manifest = Path.Combine(dir, ModelManifest.FileName);
        if (manifestName is not null)
        {
            if (manifestName.Contains('\0', StringComparison.Ordinal))
            {
                throw new AroInputException($"{manifest}: field '{field}' is not a valid path: it holds a NUL character");
            }

            var named = Path.GetFullPath(Path.Combine(dir, manifestName));
            if (File.Exists(named) && requested is null)
            {
                return new GraphChoice(named, GraphVariant.OfFile(named));
            }

            places = [named];
        }
        else
        {
            places = [.. defaults.Select(d => Path.Combine(dir, d))];
        }

        foreach (var place in places)
        {
            var present = GraphVariant.Present(place);
            if (present.Count == 0)
            {
                continue;
            }

            if (requested is not null)
            {
                return present.Contains(requested)
                    ? new GraphChoice(requested.PathFor(place), requested)
                    : throw new AroInputException(
                        $"{dir}: no {what} of variant {requested.Name}: expected {Path.GetRelativePath(dir, requested.PathFor(place))}; the package has {Describe(dir, place, present)}");
            }

            if (present.Contains(GraphVariant.Fp32))
            {
                return new GraphChoice(place, GraphVariant.Fp32);
            }

            return present.Count == 1
                ? new GraphChoice(present[0].PathFor(place), present[0])
                : throw new AroInputException(
                    $"{dir}: no fp32 {Path.GetRelativePath(dir, place)}, and several variants of the {what}: {Describe(dir, place, present)}; choose one with --variant (or 'variant' in aro-model.json)");
        }

        if (manifestName is not null)
        {
            throw new AroInputException($"{manifest}: field '{field}' names {what} '{manifestName}', which does not exist");
        }

        throw MissingGraph(dir, defaults, what);
    }

    private static string Describe(string dir, string place, IReadOnlyList<GraphVariant> present) =>
        string.Join(", ", present.Select(v => $"{v.Name} ({Path.GetRelativePath(dir, v.PathFor(place))})"));

    /// <summary>BLIP's ITM head when the package has one, in the towers' variant.</summary>
    private static string? FindOptionalItm(string dir, GraphVariant variant)
    {
        foreach (var place in ItmFiles.Select(f => Path.Combine(dir, f)))
        {
            var present = GraphVariant.Present(place);
            if (present.Count == 0)
            {
                continue;
            }

            return present.Contains(variant)
                ? variant.PathFor(place)
                : throw new AroInputException(
                    $"{dir}: the encoders are variant {variant.Name} but the ITM head has only {Describe(dir, place, present)}; add {Path.GetRelativePath(dir, variant.PathFor(place))} or choose a variant the head has with --variant");
        }

        return null;
    }

    private static AroInputException MissingGraph(string dir, string[] defaults, string what)
    {
        var found = Directory.EnumerateFiles(dir, "*.onnx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
        var foundText = found.Count == 0 ? "no .onnx files" : string.Join(", ", found);
        var expected = string.Join(", ", defaults[..^1]) + " or " + defaults[^1];
        return new AroInputException($"{dir}: no {what}: expected {expected}, found {foundText}.{CombinedGraphs.Hint(dir, found)}");
    }

    private static ModelFamily ParseFamily(string? family, string dir, List<string> notes)
    {
        if (family is null)
        {
            var (recognized, reason) = ModelFamilies.Recognize(dir);
            notes.Add($"family {recognized.Name} inferred from the files: {reason}");
            return recognized;
        }

        return ModelFamilies.Find(family) ?? throw new AroInputException(
            $"{Path.Combine(dir, ModelManifest.FileName)}: field 'family' is '{family}'; expected {string.Join(", ", ModelFamilies.Names.SkipLast(1))} or {ModelFamilies.Names[^1]}.{NameSuggestions.DidYouMean(family, ModelFamilies.Names)}");
    }

    private static TokenizerSpec ResolveTokenizer(string dir, ModelFamily family, ManifestTokenizer? manifest, List<string> notes)
    {
        var manifestPath = Path.Combine(dir, ModelManifest.FileName);
        var kind = manifest?.Kind is { } named
            ? TokenizerKinds.Parse(named) ?? throw new AroInputException(
                $"{manifestPath}: field 'tokenizer.kind' is '{named}'; expected {string.Join(", ", TokenizerKinds.Names.SkipLast(1))} or {TokenizerKinds.Names[^1]}")
            : family.DefaultTokenizer;

        string vocabulary;
        string? merges = null;
        var tokenizerJson = FirstExisting(dir, TokenizerJsonFile.FileName, Path.Combine("tokenizer", TokenizerJsonFile.FileName));
        switch (kind)
        {
            case TokenizerKind.ClipBpe when FindTokenizerFile(dir, "vocab.json") is not null || tokenizerJson is null:
                vocabulary = RequireFile(dir, "vocab.json", "the CLIP BPE vocabulary", alternative: true);
                merges = RequireFile(dir, "merges.txt", "the CLIP BPE merges");
                break;
            case TokenizerKind.BertWordPiece when FindTokenizerFile(dir, "vocab.txt") is not null || tokenizerJson is null:
                vocabulary = RequireFile(dir, "vocab.txt", "the BERT WordPiece vocabulary", alternative: true);
                break;
            case TokenizerKind.SentencePiece when FindTokenizerFile(dir, SiglipTokenizer.SentencePieceFileName) is not null || tokenizerJson is null:
                vocabulary = RequireFile(dir, SiglipTokenizer.SentencePieceFileName, "the SentencePiece model", alternative: true);
                break;
            default:
                vocabulary = RegularFile.Require(tokenizerJson!, "tokenizer");
                notes.Add($"{TokenizerKinds.Name(kind)} tokenizer from {Path.GetRelativePath(dir, vocabulary)} (no {KindFiles(kind)})");
                break;
        }

        var defaultLength = family.DefaultContextLength;
        var contextLength = manifest?.ContextLength ?? ReadModelMaxLength(dir, defaultLength, notes);
        if (contextLength is < 3 or > 4096)
        {
            // Only the manifest can give one out of range: tokenizer_config.json values out of range are ignored.
            throw new AroInputException(
                $"{manifestPath}: field 'tokenizer.context_length' is {contextLength}; expected 3 to 4096");
        }

        if (kind == TokenizerKind.SentencePiece && manifest?.PadId is not null)
        {
            throw new AroInputException(
                $"{manifestPath}: field 'tokenizer.pad_id' is not used by a sentencepiece tokenizer: its pad id is the pad_token's ('</s>' for SigLIP) in tokenizer_config.json; remove the field");
        }

        var lowercase = manifest?.Lowercase
            ?? (kind == TokenizerKind.SentencePiece ? SiglipTokenizerSettings.FromPackage(dir).Lowercase : true);
        return new TokenizerSpec(kind, vocabulary, merges, contextLength, manifest?.PadId ?? 0, manifest?.EncTokenId, lowercase);
    }

    private static string KindFiles(TokenizerKind kind) => kind switch
    {
        TokenizerKind.ClipBpe => "vocab.json + merges.txt",
        TokenizerKind.BertWordPiece => "vocab.txt",
        _ => SiglipTokenizer.SentencePieceFileName,
    };

    private static int ReadModelMaxLength(string dir, int fallback, List<string> notes)
    {
        var path = Path.Combine(dir, "tokenizer_config.json");
        if (File.Exists(path))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(RegularFile.Require(path, "tokenizer config")));
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("model_max_length", out var max)
                    && max.ValueKind == JsonValueKind.Number && max.TryGetInt32(out var length) && length is >= 3 and <= 4096)
                {
                    notes.Add($"context length {length} from tokenizer_config.json");
                    return length;
                }
            }
            catch (JsonException ex)
            {
                throw new AroInputException($"{path}: malformed JSON (line {ex.LineNumber + 1})", ex);
            }
        }

        notes.Add($"context length {fallback} (family default)");
        return fallback;
    }

    /// <summary>A tokenizer file at the top or in <c>tokenizer/</c>; with <paramref name="alternative"/> the message says tokenizer.json would do too.</summary>
    private static string RequireFile(string dir, string fileName, string what, bool alternative = false) => RegularFile.Require(
        FindTokenizerFile(dir, fileName)
        ?? throw new AroInputException($"{dir}: {what} is missing: expected {fileName}{(alternative ? $" (or a Hugging Face {TokenizerJsonFile.FileName})" : "")}"), what);

    private static string? FindTokenizerFile(string dir, string fileName) => FirstExisting(dir, fileName, Path.Combine("tokenizer", fileName));

    private static string? FirstExisting(string dir, params string[] relative) =>
        relative.Select(r => Path.Combine(dir, r)).FirstOrDefault(File.Exists);

    private static ImageTransformSpec ResolveTransform(string dir, ModelFamily family, ManifestImageTransform? manifest, List<string> notes)
    {
        if (manifest is not null)
        {
            var source = Path.Combine(dir, ModelManifest.FileName);
            var resample = manifest.Interpolation switch
            {
                null or "bicubic" => ResampleFilter.Bicubic,
                "bilinear" => ResampleFilter.Bilinear,
                var other => throw new AroInputException($"{source}: field 'image_transform.interpolation' is '{other}'; expected bicubic or bilinear"),
            };

            var resize = manifest.Resize switch
            {
                "shortest-side" => ResizeMode.ShortestSide,
                "squash" => ResizeMode.Squash,
                null => family.DefaultTransform().Resize,
                var other => throw new AroInputException(
                    $"{source}: field 'image_transform.resize' is '{other}'; expected shortest-side or squash"),
            };
            var size = manifest.Size ?? family.DefaultTransform().Width;
            var defaults = family.DefaultTransform();
            var spec = new ImageTransformSpec(resize, size, size, size, manifest.CenterCrop ?? resize == ResizeMode.ShortestSide,
                manifest.Mean ?? defaults.Mean, manifest.Std ?? defaults.Std) { Resample = resample };
            if (spec.Resize == ResizeMode.ShortestSide && !spec.CenterCrop)
            {
                throw new AroInputException($"{source}: a shortest-side resize needs center_crop true (images would vary in size)");
            }

            spec.Validate(source, "image_transform.mean", "image_transform.std");
            notes.Add("image transform from aro-model.json");
            return spec;
        }

        var config = FirstExisting(dir, PreprocessorConfig.FileName);
        if (config is not null)
        {
            notes.Add("image transform from preprocessor_config.json");
            return PreprocessorConfig.Read(config);
        }

        notes.Add("image transform: family default");
        return family.DefaultTransform();
    }

    private static ScoringMode ParseScoring(string? scoring, string dir, ModelFamily family, PackageGraphs graphs, List<string> notes)
    {
        if (scoring is null)
        {
            var mode = family.DefaultScoring(graphs);
            notes.Add($"scoring {ScoringModes.Name(mode)} (default for the files present)");
            return mode;
        }

        var parsed = ScoringModes.Parse(scoring);
        return parsed is { } known && family.ScoringModes.Contains(known)
            ? known
            : throw new AroInputException(
                $"{Path.Combine(dir, ModelManifest.FileName)}: field 'scoring' is '{scoring}'; a {family.Name} package scores with {string.Join(" or ", family.ScoringModes.Select(ScoringModes.Name))}");
    }
}
