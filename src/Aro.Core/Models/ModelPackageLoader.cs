using System.Text.Json;
using Aro.Core.IO;
using Aro.Core.Imaging;
using Aro.Core.Perturbations;
using Aro.Core.Models.Families;
using Aro.Core.Text;

namespace Aro.Core.Models;

/// <summary>
/// Resolves a model folder into a <see cref="ModelPackage"/>. Two layouts load as-is: aro's own
/// (<c>vision_model.onnx</c>, <c>text_model.onnx</c> and tokenizer files at the top, optional
/// <c>aro-model.json</c>) and the Hugging Face transformers.js one (<c>onnx/vision_model.onnx</c>,
/// <c>onnx/text_model.onnx</c>, <c>preprocessor_config.json</c>, <c>tokenizer_config.json</c>).
/// </summary>
public static class ModelPackageLoader
{
    private const string VisionFile = "vision_model.onnx";
    private const string TextFile = "text_model.onnx";
    private const string ItmFile = "itm_model.onnx";

    public static ModelPackage Load(string directory)
    {
        var dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir))
        {
            throw new AroInputException($"model package not found: {dir} is not a folder");
        }

        var notes = new List<string>();
        var manifest = ReadManifest(dir);
        var vision = FindGraph(dir, manifest?.VisionModel, "vision_model", VisionFile, "vision (image) encoder");
        var text = FindGraph(dir, manifest?.TextModel, "text_model", TextFile, "text encoder");
        var layout = Path.GetDirectoryName(vision) == dir ? "aro" : "transformers.js";
        var itm = manifest?.ItmModel is { } itmName
            ? FindGraph(dir, itmName, "itm_model", ItmFile, "ITM head")
            : FirstExisting(dir, ItmFile, Path.Combine("onnx", ItmFile));

        var family = ParseFamily(manifest?.Family, dir, notes);
        var tokenizer = family.CompleteTokenizer(ResolveTokenizer(dir, family, manifest?.Tokenizer, notes), notes);
        var transform = ResolveTransform(dir, family, manifest?.ImageTransform, notes);
        var scoring = ParseScoring(manifest?.Scoring, dir, family, new PackageGraphs(vision, text, itm), notes);
        if (scoring == ScoringMode.ItmPlusItc && itm is null)
        {
            var source = manifest?.Scoring is null ? dir : $"{Path.Combine(dir, ModelManifest.FileName)}: field 'scoring'";
            throw new AroInputException($"{source}: scoring itm+itc needs {ItmFile}, which the package does not have");
        }

        var name = manifest?.Name ?? Path.GetFileName(dir.TrimEnd(Path.DirectorySeparatorChar));
        return new ModelPackage(name, dir, layout, family, vision, text, itm, transform, tokenizer, scoring, manifest, notes);
    }

    private static ModelManifest? ReadManifest(string dir)
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
            var field = string.IsNullOrEmpty(ex.Path) ? "" : $" at field '{ex.Path.TrimStart('$', '.')}'";
            throw new AroInputException($"{path}: malformed manifest{field} (line {ex.LineNumber + 1}): {ex.Message.Split(" Path:")[0]}", ex);
        }
    }

    private static string FindGraph(string dir, string? manifestName, string field, string fileName, string what)
    {
        if (manifestName is not null)
        {
            var manifest = Path.Combine(dir, ModelManifest.FileName);
            if (manifestName.Contains('\0', StringComparison.Ordinal))
            {
                throw new AroInputException($"{manifest}: field '{field}' is not a valid path: it holds a NUL character");
            }

            var named = Path.GetFullPath(Path.Combine(dir, manifestName));
            return File.Exists(named)
                ? named
                : throw new AroInputException($"{manifest}: field '{field}' names {what} '{manifestName}', which does not exist");
        }

        return FirstExisting(dir, fileName, Path.Combine("onnx", fileName)) ?? throw MissingGraph(dir, fileName, what);
    }

    private static AroInputException MissingGraph(string dir, string fileName, string what)
    {
        var found = Directory.EnumerateFiles(dir, "*.onnx", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f)).Order(StringComparer.Ordinal).ToList();
        var foundText = found.Count == 0 ? "no .onnx files" : string.Join(", ", found);
        var hint = found.Any(f => Path.GetFileName(f) == "model.onnx")
            ? " A single combined model.onnx (optimum's CLIP export) is not supported: export the vision and text towers separately (scripts/export_onnx.py)."
            : "";
        return new AroInputException(
            $"{dir}: no {what}: expected {fileName} or onnx/{fileName}, found {foundText}.{hint}");
    }

    private static string? FirstExisting(string dir, params string[] relative) =>
        relative.Select(r => Path.Combine(dir, r)).FirstOrDefault(File.Exists);

    private static ModelFamily ParseFamily(string? family, string dir, List<string> notes)
    {
        if (family is null)
        {
            var (recognized, reason) = ModelFamilies.Recognize(dir);
            notes.Add($"family {recognized.Name} inferred from the files: {reason}");
            return recognized;
        }

        return ModelFamilies.Find(family) ?? throw new AroInputException(
            $"{Path.Combine(dir, ModelManifest.FileName)}: field 'family' is '{family}'; expected {string.Join(" or ", ModelFamilies.Names)}.{NameSuggestions.DidYouMean(family, ModelFamilies.Names)}");
    }

    private static TokenizerSpec ResolveTokenizer(string dir, ModelFamily family, ManifestTokenizer? manifest, List<string> notes)
    {
        var kind = manifest?.Kind switch
        {
            "clip-bpe" => TokenizerKind.ClipBpe,
            "bert-wordpiece" => TokenizerKind.BertWordPiece,
            null => family.DefaultTokenizer,
            var other => throw new AroInputException(
                $"{Path.Combine(dir, ModelManifest.FileName)}: field 'tokenizer.kind' is '{other}'; expected clip-bpe or bert-wordpiece"),
        };

        string vocabulary;
        string? merges = null;
        if (kind == TokenizerKind.ClipBpe)
        {
            vocabulary = RequireFile(dir, "vocab.json", "the CLIP BPE vocabulary");
            merges = RequireFile(dir, "merges.txt", "the CLIP BPE merges");
        }
        else
        {
            vocabulary = RequireFile(dir, "vocab.txt", "the BERT WordPiece vocabulary");
        }

        var defaultLength = family.DefaultContextLength;
        var contextLength = manifest?.ContextLength ?? ReadModelMaxLength(dir, defaultLength, notes);
        if (contextLength is < 3 or > 4096)
        {
            // Only the manifest can give one out of range: tokenizer_config.json values out of range are ignored.
            throw new AroInputException(
                $"{Path.Combine(dir, ModelManifest.FileName)}: field 'tokenizer.context_length' is {contextLength}; expected 3 to 4096");
        }

        return new TokenizerSpec(kind, vocabulary, merges, contextLength, manifest?.PadId ?? 0,
            manifest?.EncTokenId, manifest?.Lowercase ?? true);
    }

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

    private static string RequireFile(string dir, string fileName, string what) => RegularFile.Require(
        FirstExisting(dir, fileName, Path.Combine("tokenizer", fileName))
        ?? throw new AroInputException($"{dir}: {what} is missing: expected {fileName}"), what);

    private static ImageTransformSpec ResolveTransform(string dir, ModelFamily family, ManifestImageTransform? manifest, List<string> notes)
    {
        if (manifest is not null)
        {
            var source = Path.Combine(dir, ModelManifest.FileName);
            if (manifest.Interpolation is not null and not "bicubic")
            {
                throw new AroInputException($"{source}: field 'image_transform.interpolation' is '{manifest.Interpolation}'; aro implements bicubic only");
            }

            var resize = manifest.Resize switch
            {
                "shortest-side" => ResizeMode.ShortestSide,
                "squash" => ResizeMode.Squash,
                null => family.DefaultTransform().Resize,
                var other => throw new AroInputException(
                    $"{source}: field 'image_transform.resize' is '{other}'; expected shortest-side or squash"),
            };
            var size = manifest.Size ?? family.DefaultTransform().Width;
            var spec = new ImageTransformSpec(resize, size, size, size, manifest.CenterCrop ?? resize == ResizeMode.ShortestSide,
                manifest.Mean ?? ImageTransformSpec.ClipMean, manifest.Std ?? ImageTransformSpec.ClipStd);
            if (spec.Resize == ResizeMode.ShortestSide && !spec.CenterCrop)
            {
                throw new AroInputException($"{source}: a shortest-side resize needs center_crop true (images would vary in size)");
            }

            spec.Validate(source);
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
