using System.Text.Json;
using Aro.Core.Imaging;
using Aro.Core.Text;

namespace Aro.Core.Models.Families.Siglip;

/// <summary>
/// SigLIP (Zhai et al., 2023) as transformers runs it (docs/siglip.md): SentencePiece Unigram with SigLIP's text steps
/// (<see cref="SiglipTokenizer"/>: lower-case, ASCII punctuation deleted, <c>&lt;/s&gt;</c> appended and kept last,
/// padded with <c>&lt;/s&gt;</c> to 64), a squash resize with the configured resample and mean/std 0.5, the towers'
/// <c>pooler_output</c>, cosine scoring (the sigmoid of a scaled and shifted cosine ranks the same). The text graph has
/// no attention mask and pools the last position, so every caption is fed all 64 positions.
/// </summary>
/// <remarks>
/// SigLIP 2 checkpoints tokenise with Gemma's byte-fallback BPE, not SigLIP's T5 Unigram; aro does not implement that
/// tokenizer, so such packages are recognised and refused at load with a message saying so, rather than tokenised
/// wrongly.
/// </remarks>
public sealed class SiglipFamily : ModelFamily
{
    public static SiglipFamily Instance { get; } = new();

    /// <summary>SigLIP's image normalisation (SiglipImageProcessor's defaults).</summary>
    public static IReadOnlyList<float> SiglipMean { get; } = [0.5f, 0.5f, 0.5f];

    /// <inheritdoc cref="SiglipMean"/>
    public static IReadOnlyList<float> SiglipStd { get; } = [0.5f, 0.5f, 0.5f];

    private SiglipFamily()
    {
    }

    public override string Name => "siglip";

    public override string Description => "SigLIP dual encoder: SentencePiece tokens padded to 64, cosine of the pooled outputs";

    public override string? Recognize(string directory) => PackageSignals.ClaimedModelType(directory) switch
    {
        "siglip" or "siglip2" => $"config.json model_type {ModelConfigJson.ModelType(directory)}",
        not null => null,
        null when PackageSignals.HasTokenizerFile(directory, SiglipTokenizer.SentencePieceFileName)
            && !PackageSignals.HasTokenizerFile(directory, "vocab.json") && !PackageSignals.HasTokenizerFile(directory, "vocab.txt") => "spiece.model (SentencePiece) found",
        null when PackageSignals.LoneTokenizerJsonType(directory) == "Unigram" => "tokenizer.json with a Unigram (SentencePiece) model",
        _ => null,
    };

    public override TokenizerKind DefaultTokenizer => TokenizerKind.SentencePiece;

    public override int DefaultContextLength => SiglipTokenizer.DefaultContextLength;

    /// <summary>SiglipImageProcessor's defaults: bicubic squash to 224 x 224, rescale 1/255, mean and std 0.5.</summary>
    public override ImageTransformSpec DefaultTransform(int? size = null) =>
        new(ResizeMode.Squash, size ?? 224, size ?? 224, size ?? 224, false, SiglipMean, SiglipStd);

    public override TextPadding Padding => TextPadding.FullContext;

    public override IReadOnlyList<ScoringMode> ScoringModes { get; } = [ScoringMode.Itc];

    /// <summary>
    /// The output the manifest names, else <c>pooler_output</c> (the attention-pooling head of the vision tower, the
    /// last position through the head of the text tower), else a combined graph's <c>image_embeds</c>/<c>text_embeds</c>
    /// (the same vectors, normalised). <c>last_hidden_state</c> alone is refused: it is every position before pooling.
    /// </summary>
    public override string EmbeddingOutput(GraphSignature signature, Tower tower, string? manifestChoice)
    {
        if (manifestChoice is not null)
        {
            return GraphOutputs.ProjectedEmbedding(signature, tower, manifestChoice);
        }

        var embeds = tower == Tower.Image ? "image_embeds" : "text_embeds";
        var chosen = signature.Outputs.FirstOrDefault(o => o.Name == "pooler_output") ?? signature.Outputs.FirstOrDefault(o => o.Name == embeds);
        if (chosen is not null)
        {
            return GraphOutputs.RequireEmbedding(chosen, signature.FileName);
        }

        var field = tower == Tower.Image ? "vision_output" : "text_output";
        throw new AroInputException(signature.Outputs.Any(o => o.Name == "last_hidden_state")
            ? $"{signature.FileName}: no 'pooler_output' output, only last_hidden_state: that is every position before SigLIP's {(tower == Tower.Image ? "attention-pooling head" : "last-position head")}, not an embedding. " +
              $"Export the tower with its pooled output (scripts/export_onnx.py siglip writes 'pooler_output'), or name the right output in aro-model.json ('{field}'). Found {signature.DescribeOutputs()}"
            : $"{signature.FileName}: expected an output 'pooler_output' float32 [batch, dim] (SigLIP's pooled embedding), found {signature.DescribeOutputs()}; name the embedding output in aro-model.json ('{field}')");
    }

    /// <summary>
    /// Special tokens by their text from tokenizer_config.json / special_tokens_map.json, and the pad id they give (for
    /// <c>aro models inspect</c>); SigLIP 2's Gemma tokenizer is refused here, at load.
    /// </summary>
    public override TokenizerSpec CompleteTokenizer(TokenizerSpec spec, List<string> notes)
    {
        if (spec.Kind != TokenizerKind.SentencePiece)
        {
            return spec;
        }

        var directory = Path.GetDirectoryName(spec.VocabularyPath)!;
        var package = Path.GetFileName(directory) == "tokenizer" ? Path.GetDirectoryName(directory)! : directory;
        RefuseGemma(package, spec);
        var tokens = SiglipTokenizerSettings.FromPackage(package);
        var completed = spec with { SentencePieceTokens = tokens };
        var tokenizer = (SiglipTokenizer)CaptionTokenizers.Create(completed);
        notes.Add($"pad id {tokenizer.PadId} ('{tokens.PadToken}'), end id {tokenizer.EndId} ('{tokens.EosToken}') from the tokenizer files; every caption is padded to {spec.ContextLength}");
        return completed with { PadId = tokenizer.PadId };
    }

    private static void RefuseGemma(string package, TokenizerSpec spec)
    {
        var config = Path.Combine(package, TokenizerConfigJson.FileName);
        var tokenizerClass = File.Exists(config) ? TokenizerClass(config) : null;
        var jsonType = Path.GetFileName(spec.VocabularyPath) == TokenizerJsonFile.FileName ? TokenizerJsonFile.ReadModelType(spec.VocabularyPath) : null;
        var found = tokenizerClass is not null && (tokenizerClass.StartsWith("Gemma", StringComparison.Ordinal) || tokenizerClass == "Siglip2Tokenizer") ? $"tokenizer_class {tokenizerClass}"
            : ModelConfigJson.ModelType(package) == "siglip2" ? "config.json model_type siglip2"
            : jsonType == "BPE" ? "a tokenizer.json with a BPE model"
            : null;
        if (found is not null)
        {
            throw new AroInputException(
                $"{package}: this is a SigLIP 2 package ({found}): SigLIP 2 tokenises with Gemma's byte-fallback BPE, which aro does not implement (aro's SigLIP tokenizer is SigLIP 1's SentencePiece Unigram with its text steps); its scores would be wrong, so it is refused");
        }
    }

    private static string? TokenizerClass(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("tokenizer_class", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new AroInputException($"{path}: cannot be read as JSON: {ex.Message}", ex);
        }
    }
}
