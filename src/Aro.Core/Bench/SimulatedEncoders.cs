using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Models.Scoring;
using Aro.Core.Text;

namespace Aro.Core.Bench;

/// <summary>
/// A model with a package's real tokenizer and image transform but encoders that only take time: each call lasts
/// exactly count / rate seconds and uses no CPU while it lasts, as a GPU's does. Run through the pipeline
/// (<c>aro bench --simulate-encoders</c>), it shows on any machine whether preparation (reading, hashing, decoding,
/// resizing, tokenising) and writing keep encoders of that speed busy, which needs a GPU to measure otherwise. The
/// embeddings are a few numbers drawn from the inputs, enough for the scorer to run; the scores mean nothing.
/// </summary>
public sealed class SimulatedEncoders : IEvaluationModel
{
    private const int Dimension = 8;

    /// <param name="package">Where the tokenizer and the transform come from (its graphs are not loaded).</param>
    /// <param name="imagesPerSecond">The vision graph's simulated speed.</param>
    /// <param name="captionsPerSecond">The text graph's simulated speed.</param>
    public SimulatedEncoders(ModelPackage package, double imagesPerSecond, double captionsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imagesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(captionsPerSecond);
        Tokenizer = package.Family.CreateTokenizer(package.Tokenizer);
        Transform = ImageTransforms.Create(package.ImageTransform);
        Description = new ModelDescription(package.Name + " (simulated encoders)", package.Directory, package.Layout, package.Family.Name, [],
            $"simulated encoders: {imagesPerSecond} images/s, {captionsPerSecond} captions/s", []);
        Fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes($"simulated encoders for {package.Directory}"));
        ImageEncoder = new PacedImageEncoder(imagesPerSecond, Transform.TensorLength);
        TextEncoder = new PacedTextEncoder(captionsPerSecond);
    }

    public ModelDescription Description { get; }

    public ScoringMode Scoring => ScoringMode.Itc;

    public byte[] Fingerprint { get; }

    public ICaptionTokenizer Tokenizer { get; }

    public IImageTransform Transform { get; }

    public IImageEncoder ImageEncoder { get; }

    public ITextEncoder TextEncoder { get; }

    public IOptionScorer Scorer => CosineScorer.Instance;

    public void Dispose()
    {
    }

    /// <summary>Blocks the calling thread for <paramref name="seconds"/> without spinning.</summary>
    private static void Take(double seconds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var left = TimeSpan.FromSeconds(seconds - clock.Elapsed.TotalSeconds);
            if (cancellationToken.WaitHandle.WaitOne(left))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? [1, 0, 0, 0, 0, 0, 0, 0] : [.. vector.Select(v => v / norm)];
    }

    private sealed class PacedImageEncoder(double rate, int tensorLength) : IImageEncoder
    {
        public GraphSignature Signature => throw new NotSupportedException("simulated encoders have no graph");

        public IReadOnlyList<ImageEncoding> Encode(float[] pixels, int count, CancellationToken cancellationToken = default)
        {
            Take(count / rate, cancellationToken);
            var result = new ImageEncoding[count];
            for (var i = 0; i < count; i++)
            {
                var vector = new float[Dimension];
                var stride = Math.Max(1, tensorLength / 64);
                for (var p = 0; p < tensorLength; p += stride)
                {
                    vector[p / stride % Dimension] += pixels[(i * tensorLength) + p];
                }

                result[i] = new ImageEncoding(Normalised(vector));
            }

            return result;
        }

        public void Dispose()
        {
        }
    }

    private sealed class PacedTextEncoder(double rate) : ITextEncoder
    {
        public GraphSignature Signature => throw new NotSupportedException("simulated encoders have no graph");

        public int? FixedSequenceLength => null;

        public IReadOnlyList<float[]> Encode(IReadOnlyList<int[]> tokenIds, CancellationToken cancellationToken = default)
        {
            Take(tokenIds.Count / rate, cancellationToken);
            return [.. tokenIds.Select(ids =>
            {
                var vector = new float[Dimension];
                for (var i = 0; i < ids.Length; i++)
                {
                    vector[i % Dimension] += ids[i] % 97;
                }

                return Normalised(vector);
            })];
        }

        public void Dispose()
        {
        }
    }
}
