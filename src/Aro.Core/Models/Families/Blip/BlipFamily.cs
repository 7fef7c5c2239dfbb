using Aro.Core.IO;
using Aro.Core.Imaging;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;

namespace Aro.Core.Models.Families.Blip;

/// <summary>
/// BLIP retrieval (base, COCO and Flickr heads): BERT-uncased WordPiece with BLIP's added <c>[DEC]</c> and <c>[ENC]</c>,
/// 35 tokens, bicubic squash to 384, the ITC embeddings, and — as the official ARO code scores BLIP — the ITM head's
/// positive logit (with <c>[ENC]</c> in place of <c>[CLS]</c>) plus the ITC cosine when the package has
/// <c>itm_model.onnx</c>. The text graph takes an attention mask, so trimming padding is exact.
/// </summary>
public sealed class BlipFamily : ModelFamily
{
    public static BlipFamily Instance { get; } = new();

    private BlipFamily()
    {
    }

    public override string Name => "blip";

    public override string Description => "BLIP retrieval: WordPiece tokens, ITC cosine, optionally ITM logit + ITC";

    public override string? Recognize(string directory) => PackageSignals.ClaimedModelType(directory) switch
    {
        "blip" => "config.json model_type blip",
        not null => null,
        null when File.Exists(Path.Combine(directory, "vocab.txt")) && !File.Exists(Path.Combine(directory, "vocab.json")) => "vocab.txt (WordPiece) without vocab.json",
        null when PackageSignals.LoneTokenizerJsonType(directory) == "WordPiece" => "tokenizer.json with a WordPiece model",
        _ => null,
    };

    public override TokenizerKind DefaultTokenizer => TokenizerKind.BertWordPiece;

    public override int DefaultContextLength => 35;

    public override ImageTransformSpec DefaultTransform(int? size = null) => ImageTransformSpec.Blip(size ?? 384);

    public override IReadOnlyList<ScoringMode> ScoringModes { get; } = [ScoringMode.ItmPlusItc, ScoringMode.Itc];

    public override ScoringMode DefaultScoring(PackageGraphs graphs) => graphs.Itm is not null ? ScoringMode.ItmPlusItc : ScoringMode.Itc;

    /// <summary>
    /// BLIP's <c>init_tokenizer</c> adds <c>[DEC]</c> and then <c>[ENC]</c> after bert-base-uncased's vocabulary, so
    /// <c>[ENC]</c> is the line count + 1 (30523) unless the vocabulary file lists it itself.
    /// </summary>
    public override TokenizerSpec CompleteTokenizer(TokenizerSpec spec, List<string> notes)
    {
        if (spec.EncTokenId is not null || spec.Kind != TokenizerKind.BertWordPiece
            || string.Equals(Path.GetFileName(spec.VocabularyPath), TokenizerJsonFile.FileName, StringComparison.OrdinalIgnoreCase))
        {
            return spec;
        }

        var lines = 0;
        foreach (var line in File.ReadLines(RegularFile.Require(spec.VocabularyPath, "vocabulary")))
        {
            if (line == "[ENC]")
            {
                notes.Add($"[ENC] id {lines} from {Path.GetFileName(spec.VocabularyPath)}");
                return spec with { EncTokenId = lines };
            }

            lines++;
        }

        notes.Add($"[ENC] id {lines + 1} inferred: BLIP adds [DEC], [ENC] after the {lines} entries of {Path.GetFileName(spec.VocabularyPath)}");
        return spec with { EncTokenId = lines + 1 };
    }

    public override bool NeedsImageFeatures(ScoringMode mode) => mode == ScoringMode.ItmPlusItc;

    public override IOptionScorer CreateScorer(ScorerContext context)
    {
        if (context.Mode != ScoringMode.ItmPlusItc)
        {
            return CosineScorer.Instance;
        }

        var package = context.Package;
        if (package.Graphs.Itm is not { } itmPath)
        {
            throw new AroInputException(
                $"{package.Directory}: scoring itm+itc needs BLIP's ITM graph itm_model.onnx, which the package does not have; use --scoring itc, or export all three BLIP graphs with scripts/export_onnx.py blip");
        }

        var encTokenId = (context.Tokenizer as BertWordPieceTokenizer)?.EncTokenId ?? throw new AroInputException(
            $"{package.Directory}: scoring itm+itc needs a BERT WordPiece tokenizer with BLIP's [ENC] id (aro-model.json tokenizer.enc_token_id)");
        var visionFeatures = context.ImageEncoder.Signature.Outputs.Single(o => o.Name == "image_feats");
        int? visionWidth = visionFeatures.IsDynamic(2) ? null : visionFeatures.Dimensions[2];
        var itm = new OnnxItmEncoder(itmPath, context.Tokenizer.ContextLength, context.Tokenizer.PadId, context.Runtime, visionWidth);
        context.Track(new ScoringGraph("itm", itm.Signature, itm));
        return new ItmItcScorer(itm, encTokenId);
    }
}
