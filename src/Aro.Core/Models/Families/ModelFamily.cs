using Aro.Core.Imaging;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;

namespace Aro.Core.Models.Families;

/// <summary>
/// One architecture family (CLIP, BLIP, ...): how a package of it is recognised, its defaults (tokenizer, context
/// length, image transform, text padding), which graph output is its embedding, how its tokenizer is built and how it
/// scores an option. Each family lives in one folder under <c>Models/Families/</c> and is listed once in
/// <see cref="ModelFamilies"/>; everything here is abstract or a stated default, so a new family is one class.
/// </summary>
public abstract class ModelFamily
{
    /// <summary>The name in <c>aro-model.json</c>, run.json and the catalog (<c>clip</c>, <c>blip</c>).</summary>
    public abstract string Name { get; }

    /// <summary>One line for <c>aro models inspect</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Whether a package folder with no <c>family</c> in its manifest looks like this family; null when not, else the reason.</summary>
    public abstract string? Recognize(string directory);

    /// <summary>The tokenizer a package of this family has unless its manifest says otherwise.</summary>
    public abstract TokenizerKind DefaultTokenizer { get; }

    /// <summary>Most ids per caption, special tokens included, unless the package says otherwise.</summary>
    public abstract int DefaultContextLength { get; }

    /// <summary>The image transform used when neither the manifest nor a preprocessor config gives one.</summary>
    public abstract ImageTransformSpec DefaultTransform(int? size = null);

    /// <summary>
    /// How a batch of captions is padded for the text graph. Trimming to the batch's longest caption is exact only for
    /// graphs that cannot see padding (CLIP's causal mask and EOT pooling, BERT's attention mask).
    /// </summary>
    public virtual TextPadding Padding => TextPadding.TrimToLongest;

    /// <summary>The scoring modes the family supports, the default first.</summary>
    public abstract IReadOnlyList<ScoringMode> ScoringModes { get; }

    /// <summary>The default scoring for a package whose files are <paramref name="graphs"/>.</summary>
    public virtual ScoringMode DefaultScoring(PackageGraphs graphs) => ScoringModes[0];

    /// <summary>The output of <paramref name="signature"/> that is the tower's embedding, or an error saying what is missing.</summary>
    public virtual string EmbeddingOutput(GraphSignature signature, Tower tower, string? manifestChoice) =>
        GraphOutputs.ProjectedEmbedding(signature, tower, manifestChoice);

    /// <summary>Settings the family adds to a resolved tokenizer (BLIP: the <c>[ENC]</c> id), with a note of where each came from.</summary>
    public virtual TokenizerSpec CompleteTokenizer(TokenizerSpec spec, List<string> notes) => spec;

    /// <summary>The tokenizer a resolved spec describes.</summary>
    public virtual ICaptionTokenizer CreateTokenizer(TokenizerSpec spec) => CaptionTokenizers.Create(spec);

    /// <summary>Whether scoring in <paramref name="mode"/> needs each image's token features (then images are encoded per batch).</summary>
    public virtual bool NeedsImageFeatures(ScoringMode mode) => false;

    /// <summary>The scorer for <paramref name="context"/>'s mode; graphs it opens are handed to <see cref="ScorerContext.Track"/>.</summary>
    public virtual IOptionScorer CreateScorer(ScorerContext context) => CosineScorer.Instance;

    public override string ToString() => Name;
}

/// <summary>The two encoder towers.</summary>
public enum Tower
{
    Image,
    Text,
}

/// <summary>How the text graph's sequence axis is filled.</summary>
public enum TextPadding
{
    /// <summary>Each batch is padded to its longest caption (a fixed axis is padded to its length).</summary>
    TrimToLongest,

    /// <summary>Every caption is padded to the full context length (graphs that pool a fixed position, like SigLIP's last).</summary>
    FullContext,
}

/// <summary>The graphs a package folder provides, for the family's defaults.</summary>
/// <param name="Vision">The image tower.</param>
/// <param name="Text">The text tower.</param>
/// <param name="Itm">BLIP's image-text matching head, when present.</param>
public sealed record PackageGraphs(string Vision, string Text, string? Itm);

/// <summary>What a family needs to build its scorer: the package, the mode, the loaded tokenizer and image encoder, and a way to own new graphs.</summary>
/// <param name="Package">The package.</param>
/// <param name="Mode">The scoring mode.</param>
/// <param name="Tokenizer">The loaded tokenizer.</param>
/// <param name="Runtime">ONNX Runtime options for graphs the scorer opens.</param>
/// <param name="ImageEncoder">The loaded image encoder.</param>
/// <param name="Track">Takes ownership of a graph the scorer opened (disposed with the model, listed by <c>aro models inspect</c>).</param>
public sealed record ScorerContext(
    ModelPackage Package,
    ScoringMode Mode,
    ICaptionTokenizer Tokenizer,
    RuntimeOptions Runtime,
    IImageEncoder ImageEncoder,
    Action<ScoringGraph> Track);

/// <summary>A graph a scorer runs besides the two encoders (BLIP's ITM head).</summary>
/// <param name="Role">Its role in <c>aro models inspect</c> (<c>itm</c>).</param>
/// <param name="Signature">Its inputs and outputs.</param>
/// <param name="Session">What to dispose with the model.</param>
public sealed record ScoringGraph(string Role, GraphSignature Signature, IDisposable Session);
