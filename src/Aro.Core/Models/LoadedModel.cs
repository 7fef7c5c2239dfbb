using Aro.Core.Imaging;
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
        IImageTransform transform, IImageEncoder imageEncoder, ITextEncoder textEncoder, IItmEncoder? itmEncoder, IOptionScorer scorer)
    {
        Package = package;
        Runtime = runtime;
        Scoring = scoring;
        Tokenizer = tokenizer;
        Transform = transform;
        ImageEncoder = imageEncoder;
        TextEncoder = textEncoder;
        ItmEncoder = itmEncoder;
        Scorer = scorer;
    }

    public ModelPackage Package { get; }

    public RuntimeOptions Runtime { get; }

    public ScoringMode Scoring { get; }

    public ICaptionTokenizer Tokenizer { get; }

    public IImageTransform Transform { get; }

    public IImageEncoder ImageEncoder { get; }

    public ITextEncoder TextEncoder { get; }

    /// <summary>BLIP's image-text matching graph when scoring is itm+itc; null otherwise.</summary>
    public IItmEncoder? ItmEncoder { get; }

    public IOptionScorer Scorer { get; }

    /// <summary>The embedding size both encoders were found to produce.</summary>
    public int EmbeddingSize { get; private set; }

    public byte[] Fingerprint { get; private set; } = [];

    public ModelDescription Description => new(
        Package.Name,
        Package.Directory,
        Package.Layout,
        Package.Family.ToString().ToLowerInvariant(),
        [.. Package.Files],
        $"{Package.Family.ToString().ToLowerInvariant()} ({Package.Layout} layout), scoring {ScoringModes.Name(Scoring)}, " +
        $"image {Package.ImageTransform.Width}x{Package.ImageTransform.Height}, text {(TextEncoder.FixedSequenceLength is { } n ? $"fixed {n} tokens" : "dynamic length")}",
        [
            $"vision: {ImageEncoder.Signature.DescribeInputs()} -> {ImageEncoder.Signature.DescribeOutputs()}",
            $"text:   {TextEncoder.Signature.DescribeInputs()} -> {TextEncoder.Signature.DescribeOutputs()}",
        ]);

    /// <summary>Loads the package's graphs; <paramref name="scoring"/> overrides the package default.</summary>
    public static LoadedModel Load(ModelPackage package, RuntimeOptions runtime, ScoringMode? scoring = null)
    {
        var mode = scoring ?? package.Scoring;
        var itm = mode == ScoringMode.ItmPlusItc;
        if (itm && package.ItmModelPath is null)
        {
            throw new AroInputException(
                $"{package.Directory}: scoring itm+itc needs BLIP's ITM graph itm_model.onnx, which the package does not have; use --scoring itc, or export all three BLIP graphs with scripts/export_onnx.py blip");
        }

        var tokenizer = CaptionTokenizers.Create(package.Tokenizer);
        var encTokenId = itm
            ? (tokenizer as BertWordPieceTokenizer)?.EncTokenId ?? throw new AroInputException(
                $"{package.Directory}: scoring itm+itc needs a BERT WordPiece tokenizer with BLIP's [ENC] id (aro-model.json tokenizer.enc_token_id)")
            : 0;
        var transform = ImageTransforms.Create(package.ImageTransform);
        var disposables = new List<IDisposable>();
        try
        {
            var imageEncoder = Track(disposables, new OnnxImageEncoder(package.VisionModelPath, package.ImageTransform, runtime, needFeatures: itm));
            var textEncoder = Track(disposables, new OnnxTextEncoder(package.TextModelPath, tokenizer.ContextLength, tokenizer.PadId, runtime));
            IItmEncoder? itmEncoder = null;
            IOptionScorer scorer = CosineScorer.Instance;
            if (itm)
            {
                var visionFeatures = imageEncoder.Signature.Outputs.Single(o => o.Name == "image_feats");
                int? visionWidth = visionFeatures.IsDynamic(2) ? null : visionFeatures.Dimensions[2];
                itmEncoder = Track(disposables, new OnnxItmEncoder(package.ItmModelPath!, tokenizer.ContextLength, tokenizer.PadId, runtime, visionWidth));
                scorer = new ItmItcScorer(itmEncoder, encTokenId);
            }

            var model = new LoadedModel(package, runtime, mode, tokenizer, transform, imageEncoder, textEncoder, itmEncoder, scorer);
            model.EmbeddingSize = model.Probe();
            model.Fingerprint = ModelFingerprint.Compute(package);
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

        if (ItmEncoder is not null)
        {
            try
            {
                Scorer.Score([new ScoringRequest(encoded, [new TextEncoding(ids, new float[text])])]);
            }
            catch (OnnxRuntimeException ex)
            {
                throw new AroInputException(
                    $"{ItmEncoder.Signature.FileName}: the ITM graph fails on the vision graph's image_feats: {ex.Message.Split('\n')[0].Trim()}", ex);
            }
        }

        return image;
    }

    public void Dispose()
    {
        ImageEncoder.Dispose();
        TextEncoder.Dispose();
        ItmEncoder?.Dispose();
    }
}
