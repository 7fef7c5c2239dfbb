using Aro.Core.Imaging;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;

namespace Aro.Core.Models.Families.Clip;

/// <summary>
/// CLIP and NegCLIP (OpenAI's layout, open_clip exports, transformers.js): byte-level BPE with <c>&lt;|startoftext|&gt;</c>
/// and <c>&lt;|endoftext|&gt;</c>, 77 tokens, bicubic shortest-side resize and center crop to 224, the projected
/// <c>image_embeds</c>/<c>text_embeds</c>, cosine scoring. The text graph pools the end-of-text position under a causal
/// mask, so padding after it is invisible and batches are trimmed to their longest caption.
/// </summary>
public sealed class ClipFamily : ModelFamily
{
    public static ClipFamily Instance { get; } = new();

    private ClipFamily()
    {
    }

    public override string Name => "clip";

    public override string Description => "CLIP-style dual encoder: BPE tokens, cosine of the projected embeddings";

    public override string? Recognize(string directory) => PackageSignals.ClaimedModelType(directory) switch
    {
        "clip" => "config.json model_type clip",
        not null => null,
        null when PackageSignals.HasTokenizerFile(directory, "vocab.json") => "vocab.json (BPE) found",
        null when PackageSignals.LoneTokenizerJsonType(directory) == "BPE" => "tokenizer.json with a BPE model",
        _ => null,
    };

    public override TokenizerKind DefaultTokenizer => TokenizerKind.ClipBpe;

    public override int DefaultContextLength => 77;

    public override ImageTransformSpec DefaultTransform(int? size = null) => ImageTransformSpec.Clip(size ?? 224);

    public override IReadOnlyList<ScoringMode> ScoringModes { get; } = [ScoringMode.Itc];
}
