using System.Text;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;

namespace Aro.Core.Tests.Support;

/// <summary>
/// A model with no ONNX behind it, for testing the pipeline through its <see cref="IEvaluationModel"/> seam: images
/// become a 4-value embedding of their mean colour and size, captions one of their characters, every call to either
/// encoder is recorded, and <see cref="TextOverride"/> lets a test force scores (an exact tie, say).
/// </summary>
internal sealed class InMemoryModel : IEvaluationModel
{
    private const int Dimension = 4;

    public InMemoryModel(string name = "in-memory")
    {
        Description = new ModelDescription(name, "/in-memory", "test", "clip", [], "in-memory test model", []);
        Tokenizer = new CharacterTokenizer();
        Transform = new MeanColourTransform();
        ImageEncoder = new RecordingImageEncoder(this);
        TextEncoder = new RecordingTextEncoder(this);
    }

    public ModelDescription Description { get; }

    public ScoringMode Scoring => ScoringMode.Itc;

    public byte[] Fingerprint { get; init; } = Encoding.ASCII.GetBytes("in-memory-model-fingerprint-0001");

    public ICaptionTokenizer Tokenizer { get; }

    public IImageTransform Transform { get; }

    public IImageEncoder ImageEncoder { get; }

    public ITextEncoder TextEncoder { get; }

    public IOptionScorer Scorer => CosineScorer.Instance;

    /// <summary>Each image-encoder call's batch size, in call order.</summary>
    public List<int> ImageCalls { get; } = [];

    /// <summary>Each text-encoder call's batch size, in call order.</summary>
    public List<int> TextCalls { get; } = [];

    /// <summary>When set, the embedding of a caption's ids (before normalisation), overriding the default.</summary>
    public Func<int[], float[]?>? TextOverride { get; set; }

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    /// <summary>Ids are the caption's UTF-16 code units + 1, between a start (1) and an end (2) id, at most 16.</summary>
    private sealed class CharacterTokenizer : ICaptionTokenizer
    {
        public int ContextLength => 16;

        public int PadId => 0;

        public int[] Encode(string caption) => [1, .. caption.Take(ContextLength - 2).Select(c => c + 3), 2];
    }

    /// <summary>Three floats per image: the mean of each channel, then its width and height (so crops differ).</summary>
    private sealed class MeanColourTransform : IImageTransform
    {
        public ImageTransformSpec Spec { get; } = new(ResizeMode.Squash, 1, 1, 2, false, [0, 0, 0], [1, 1, 1]);

        public int TensorLength => 6;

        public void Apply(RgbPixels image, Span<float> destination)
        {
            var sums = new double[3];
            var data = image.Data;
            for (var i = 0; i < image.Width * image.Height; i++)
            {
                for (var c = 0; c < 3; c++)
                {
                    sums[c] += data[(i * 3) + c];
                }
            }

            var pixels = Math.Max(1, image.Width * image.Height);
            for (var c = 0; c < 3; c++)
            {
                destination[c] = (float)(sums[c] / pixels / 255.0);
            }

            destination[3] = image.Width / 1000f;
            destination[4] = image.Height / 1000f;
            destination[5] = 1;
        }
    }

    private sealed class RecordingImageEncoder(InMemoryModel model) : IImageEncoder
    {
        public GraphSignature Signature { get; } = new("in-memory/vision", [], []);

        public IReadOnlyList<ImageEncoding> Encode(float[] pixels, int count, CancellationToken cancellationToken = default)
        {
            model.ImageCalls.Add(count);
            return [.. Enumerable.Range(0, count).Select(i =>
            {
                var p = pixels.AsSpan(i * 6, 6);
                return new ImageEncoding(Normalised([p[0] + 0.1f, p[1] + 0.2f, p[2] + 0.3f, p[3] + p[4]]));
            })];
        }

        public void Dispose()
        {
        }
    }

    private sealed class RecordingTextEncoder(InMemoryModel model) : ITextEncoder
    {
        public GraphSignature Signature { get; } = new("in-memory/text", [], []);

        public int? FixedSequenceLength => null;

        public IReadOnlyList<float[]> Encode(IReadOnlyList<int[]> tokenIds, CancellationToken cancellationToken = default)
        {
            model.TextCalls.Add(tokenIds.Count);
            return [.. tokenIds.Select(ids => Normalised(model.TextOverride?.Invoke(ids) ?? Default(ids)))];
        }

        private static float[] Default(int[] ids)
        {
            var v = new float[Dimension];
            for (var i = 0; i < ids.Length; i++)
            {
                v[i % Dimension] += ((ids[i] * 37) % 101) / 101f * (i + 1);
            }

            v[0] += 0.01f;
            return v;
        }

        public void Dispose()
        {
        }
    }
}
