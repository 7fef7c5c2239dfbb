using Aro.Core.Imaging;
using Aro.Core.Models.Families;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;
using Microsoft.ML.OnnxRuntime;

namespace Aro.Core.Models;

/// <summary>
/// A model package loaded for evaluation: its tokenizer, image transform, ONNX encoders and scorer. Loading
/// checks that the parts fit each other (input sizes, sequence length), so a bad package fails here, before
/// any case is read.
/// </summary>
public sealed class LoadedModel : IEvaluationModel
{
    private LoadedModel(ModelPackage package, RuntimeOptions runtime, ScoringMode scoring, ICaptionTokenizer tokenizer,
        IImageTransform transform, IImageEncoder imageEncoder, ITextEncoder textEncoder, IReadOnlyList<ScoringGraph> scoringGraphs, IOptionScorer scorer)
    {
        Package = package;
        Runtime = runtime;
        Scoring = scoring;
        Tokenizer = tokenizer;
        Transform = transform;
        ImageEncoder = imageEncoder;
        TextEncoder = textEncoder;
        ScoringGraphs = scoringGraphs;
        Scorer = scorer;
    }

    public ModelPackage Package { get; }

    public RuntimeOptions Runtime { get; }

    public ScoringMode Scoring { get; }

    public ICaptionTokenizer Tokenizer { get; }

    public IImageTransform Transform { get; }

    public IImageEncoder ImageEncoder { get; }

    public ITextEncoder TextEncoder { get; }

    /// <summary>Graphs the scorer runs besides the encoders (BLIP's ITM head under itm+itc); empty otherwise.</summary>
    public IReadOnlyList<ScoringGraph> ScoringGraphs { get; }

    public IOptionScorer Scorer { get; }

    /// <summary>The embedding size both encoders were found to produce.</summary>
    public int EmbeddingSize { get; private set; }

    public byte[] Fingerprint { get; private set; } = [];

    public ModelDescription Description => new(
        Package.Name,
        Package.Directory,
        Package.Layout,
        Package.Family.Name,
        [.. Package.Files],
        $"{Package.Family.Name} ({Package.Layout} layout{(Package.Variant == GraphVariant.Fp32 ? "" : $", variant {Package.Variant.Name}")}), scoring {ScoringModes.Name(Scoring)}, " +
        $"image {Package.ImageTransform.Width}x{Package.ImageTransform.Height}, text {(TextEncoder.FixedSequenceLength is { } n ? $"fixed {n} tokens" : "dynamic length")}",
        [
            $"vision: {ImageEncoder.Signature.DescribeInputs()} -> {ImageEncoder.Signature.DescribeOutputs()}",
            $"text:   {TextEncoder.Signature.DescribeInputs()} -> {TextEncoder.Signature.DescribeOutputs()}",
        ])
    {
        Variant = Package.Variant.Name,
    };

    /// <summary>Loads the package's graphs; <paramref name="scoring"/> overrides the package default.</summary>
    /// <param name="package">The resolved package.</param>
    /// <param name="runtime">ONNX Runtime device and threads.</param>
    /// <param name="scoring">Overrides the package's default scoring.</param>
    /// <param name="fingerprint">The package's fingerprint when the caller has computed it already (it hashes every file).</param>
    public static LoadedModel Load(ModelPackage package, RuntimeOptions runtime, ScoringMode? scoring = null, byte[]? fingerprint = null)
    {
        var family = package.Family;
        var mode = scoring ?? package.Scoring;
        if (!family.ScoringModes.Contains(mode))
        {
            throw new AroInputException(
                $"{package.Directory}: a {family.Name} package scores with {string.Join(" or ", family.ScoringModes.Select(ScoringModes.Name))}, not {ScoringModes.Name(mode)}");
        }

        var tokenizer = family.CreateTokenizer(package.Tokenizer);
        IImageTransform transform;
        try
        {
            transform = ImageTransforms.Create(package.ImageTransform);
        }
        catch (AroInputException ex)
        {
            throw new AroInputException($"{package.Directory}: {ex.Message}", ex);
        }

        var manifest = package.Manifest;
        var disposables = new List<IDisposable>();
        try
        {
            var imageEncoder = Track(disposables, new OnnxImageEncoder(package.VisionModelPath, package.ImageTransform, runtime,
                needFeatures: family.NeedsImageFeatures(mode), embeddingOutput: graph => family.EmbeddingOutput(graph, Tower.Image, manifest?.VisionOutput),
                inputName: manifest?.VisionInput));
            var textEncoder = Track(disposables, new OnnxTextEncoder(package.TextModelPath, tokenizer.ContextLength, tokenizer.PadId, runtime,
                graph => family.EmbeddingOutput(graph, Tower.Text, manifest?.TextOutput), family.Padding, manifest?.TextInput));
            TokenIdCheck.Check(package.TextModelPath, manifest?.TextInput ?? "input_ids", tokenizer,
                manifest?.Tokenizer?.PadId is null ? "the tokenizer's default pad id" : $"{package.Directory}/{ModelManifest.FileName}: field 'tokenizer.pad_id'");
            var scoringGraphs = new List<ScoringGraph>();
            var scorer = family.CreateScorer(new ScorerContext(package, mode, tokenizer, runtime, imageEncoder, graph =>
            {
                disposables.Add(graph.Session);
                scoringGraphs.Add(graph);
            }));
            var model = new LoadedModel(package, runtime, mode, tokenizer, transform, imageEncoder, textEncoder, scoringGraphs, scorer);
            model.EmbeddingSize = model.Probe();
            model.Fingerprint = fingerprint ?? ModelFingerprint.Compute(package);
            return model;
        }
        catch
        {
            foreach (var disposable in disposables)
            {
                disposable.Dispose();
            }

            throw;
        }
    }

    private static T Track<T>(List<IDisposable> disposables, T disposable)
        where T : IDisposable
    {
        disposables.Add(disposable);
        return disposable;
    }

    /// <summary>
    /// Runs one blank image and one caption through the graphs (and the pair through the ITM graph): dynamic
    /// output axes only reveal their size at run time, and a package whose parts do not fit must fail before any
    /// case is read.
    /// </summary>
    private int Probe()
    {
        var encoded = ImageEncoder.Encode(new float[Transform.TensorLength], 1)[0];
        var ids = Tokenizer.Encode("a photo");
        var image = encoded.Embedding.Length;
        var text = TextEncoder.Encode([ids])[0].Length;
        if (image != text)
        {
            throw new AroInputException(
                $"{Package.Directory}: the image embedding has {image} values ({Path.GetFileName(Package.VisionModelPath)}) but the text embedding has {text} ({Path.GetFileName(Package.TextModelPath)}); they must match");
        }

        if (ScoringGraphs.Count > 0)
        {
            try
            {
                Scorer.Score([new ScoringRequest(encoded, [new TextEncoding(ids, new float[text])])]);
            }
            catch (OnnxRuntimeException ex)
            {
                throw new AroInputException(
                    $"{Package.Directory}: the {ScoringModes.Name(Scoring)} scoring graph fails on the encoders' outputs: {ex.Message.Split('\n')[0].Trim()}", ex);
            }
        }

        return image;
    }

    public void Dispose()
    {
        ImageEncoder.Dispose();
        TextEncoder.Dispose();
        foreach (var graph in ScoringGraphs)
        {
            graph.Session.Dispose();
        }
    }
}
