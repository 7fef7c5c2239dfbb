using Aro.Core.Imaging;
using Aro.Core.Perturbations;
using Aro.Core.Text;

namespace Aro.Core.Models;

/// <summary>
/// A resolved model package: which ONNX graphs, which tokenizer, which image transform and which scoring
/// (docs/model-packages.md). Produced by <see cref="ModelPackageLoader"/>; nothing is loaded into ONNX Runtime yet.
/// </summary>
/// <param name="Name">The package's name (manifest name or folder name).</param>
/// <param name="Directory">The package folder.</param>
/// <param name="Layout">Which file layout was recognised: <c>aro</c>, <c>transformers.js</c> or <c>open_clip</c>.</param>
/// <param name="Family">The architecture family (its defaults, tokenizer, embedding outputs and scorer).</param>
/// <param name="VisionModelPath">The image encoder graph.</param>
/// <param name="TextModelPath">The text encoder graph.</param>
/// <param name="ItmModelPath">BLIP's image-text matching graph, when present.</param>
/// <param name="ImageTransform">The image preprocessing.</param>
/// <param name="Tokenizer">The tokenizer and its files.</param>
/// <param name="Scoring">The default scoring of this package.</param>
/// <param name="Manifest">The parsed <c>aro-model.json</c>, if the package has one.</param>
/// <param name="Notes">How each setting was found (manifest, preprocessor_config.json, defaults).</param>
public sealed record ModelPackage(
    string Name,
    string Directory,
    string Layout,
    Families.ModelFamily Family,
    string VisionModelPath,
    string TextModelPath,
    string? ItmModelPath,
    ImageTransformSpec ImageTransform,
    TokenizerSpec Tokenizer,
    ScoringMode Scoring,
    ModelManifest? Manifest,
    IReadOnlyList<string> Notes)
{
    /// <summary>The package's graphs, as the family sees them.</summary>
    public Families.PackageGraphs Graphs => new(VisionModelPath, TextModelPath, ItmModelPath);

    /// <summary>The graphs' file variant (fp32 unless <c>--variant</c>, the manifest or the files say otherwise).</summary>
    public GraphVariant Variant { get; init; } = GraphVariant.Fp32;

    /// <summary>The files the graphs keep their weights in (ONNX external data), each once; empty for self-contained graphs.</summary>
    public IReadOnlyList<string> ExternalDataFiles { get; init; } = [];

    /// <summary>Every file the results depend on, for run.json hashes and the fingerprint: graphs, their external data, tokenizer files.</summary>
    public IEnumerable<string> Files
    {
        get
        {
            yield return VisionModelPath;
            yield return TextModelPath;
            if (ItmModelPath is not null)
            {
                yield return ItmModelPath;
            }

            foreach (var data in ExternalDataFiles)
            {
                yield return data;
            }

            yield return Tokenizer.VocabularyPath;
            if (Tokenizer.MergesPath is not null)
            {
                yield return Tokenizer.MergesPath;
            }
        }
    }
}
