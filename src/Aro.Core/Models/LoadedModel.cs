using Aro.Core.Eval;
using Aro.Core.Imaging;
using Aro.Core.Text;

namespace Aro.Core.Models;

/// <summary>
/// A model package loaded for evaluation: its tokenizer, image transform, ONNX encoders and scorer. Loading
/// checks that the parts fit each other (input sizes, sequence length), so a bad package fails here, before
/// any case is read.
/// </summary>
public sealed class LoadedModel : IDisposable
{
    private LoadedModel(ModelPackage package, RuntimeOptions runtime, ScoringMode scoring, ICaptionTokenizer tokenizer,
        IImageTransform transform, IImageEncoder imageEncoder, ITextEncoder textEncoder, IOptionScorer scorer)
    {
        Package = package;
        Runtime = runtime;
        Scoring = scoring;
        Tokenizer = tokenizer;
        Transform = transform;
        ImageEncoder = imageEncoder;
        TextEncoder = textEncoder;
        Scorer = scorer;
    }

    public ModelPackage Package { get; }

    public RuntimeOptions Runtime { get; }

    public ScoringMode Scoring { get; }

    public ICaptionTokenizer Tokenizer { get; }

    public IImageTransform Transform { get; }

    public IImageEncoder ImageEncoder { get; }

    public ITextEncoder TextEncoder { get; }

    public IOptionScorer Scorer { get; }

    /// <summary>The embedding size both encoders were found to produce.</summary>
    public int EmbeddingSize { get; private set; }

    /// <summary>Loads the package's graphs; <paramref name="scoring"/> overrides the package default.</summary>
    public static LoadedModel Load(ModelPackage package, RuntimeOptions runtime, ScoringMode? scoring = null)
    {
        var mode = scoring ?? package.Scoring;
        if (mode == ScoringMode.ItmPlusItc)
        {
            throw new AroInputException($"{package.Directory}: scoring itm+itc (BLIP's ITM head) is not available in this build; use --scoring itc");
        }

        var tokenizer = CaptionTokenizers.Create(package.Tokenizer);
        var transform = ImageTransforms.Create(package.ImageTransform);
        var imageEncoder = new OnnxImageEncoder(package.VisionModelPath, package.ImageTransform, runtime);
        try
        {
            var textEncoder = new OnnxTextEncoder(package.TextModelPath, tokenizer.ContextLength, tokenizer.PadId, runtime);
            try
            {
                var model = new LoadedModel(package, runtime, mode, tokenizer, transform, imageEncoder, textEncoder, CosineScorer.Instance);
                model.EmbeddingSize = model.ProbeEmbeddingSize();
                return model;
            }
            catch
            {
                textEncoder.Dispose();
                throw;
            }
        }
        catch
        {
            imageEncoder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one blank image and one caption through the graphs: dynamic output axes only reveal their size
    /// at run time, and a package whose image and text embeddings differ must fail before any case is read.
    /// </summary>
    private int ProbeEmbeddingSize()
    {
        var image = ImageEncoder.Encode(new float[Transform.TensorLength], 1)[0].Embedding.Length;
        var text = TextEncoder.Encode([Tokenizer.Encode("a photo")])[0].Length;
        if (image != text)
        {
            throw new AroInputException(
                $"{Package.Directory}: the image embedding has {image} values ({Path.GetFileName(Package.VisionModelPath)}) but the text embedding has {text} ({Path.GetFileName(Package.TextModelPath)}); they must match");
        }

        return image;
    }

    public void Dispose()
    {
        ImageEncoder.Dispose();
        TextEncoder.Dispose();
    }
}
