using Aro.Core.Imaging;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;

namespace Aro.Core.Models;

/// <summary>
/// What the evaluation pipeline needs of a model: a tokenizer, an image transform, the two encoders, a scorer and a
/// fingerprint that keys cached embeddings. <see cref="LoadedModel"/> is the ONNX one; tests implement it in memory
/// to exercise batching, skipping, resuming and caching without ONNX.
/// </summary>
public interface IEvaluationModel : IDisposable
{
    /// <summary>What run.json and the console say about the model.</summary>
    ModelDescription Description { get; }

    /// <summary>How options are scored (ITM+ITC needs each image's token features, so those images are encoded per batch).</summary>
    ScoringMode Scoring { get; }

    /// <summary>A digest of everything an embedding depends on; cache entries are keyed by it.</summary>
    byte[] Fingerprint { get; }

    ICaptionTokenizer Tokenizer { get; }

    IImageTransform Transform { get; }

    IImageEncoder ImageEncoder { get; }

    ITextEncoder TextEncoder { get; }

    IOptionScorer Scorer { get; }
}

/// <summary>What a model is, for run.json and the console.</summary>
/// <param name="Name">The package's name.</param>
/// <param name="Directory">The package folder.</param>
/// <param name="Layout">The file layout recognised (<c>aro</c>, <c>transformers.js</c>).</param>
/// <param name="Family">The family's name (<c>clip</c>, <c>blip</c>).</param>
/// <param name="Files">Every file the results depend on (hashed into run.json).</param>
/// <param name="Summary">One line: family, layout, scoring, input sizes.</param>
/// <param name="Details">More lines for <c>--verbose</c> (graph signatures).</param>
public sealed record ModelDescription(
    string Name,
    string Directory,
    string Layout,
    string Family,
    IReadOnlyList<string> Files,
    string Summary,
    IReadOnlyList<string> Details)
{
    /// <summary>The graphs' file variant (<c>fp32</c>, <c>fp16</c>, <c>quantized</c>, ...), for run.json.</summary>
    public string Variant { get; init; } = "fp32";
}
