using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Perturbations;

namespace Aro.Core.Pipeline;

/// <summary>
/// Encodes a list of whole images in batches, outside the case pipeline: for what the embedding cache must not hold
/// or cannot hold — images with a perturbation applied to their transformed tensor, and images whose ITM token
/// features BLIP's re-ranking needs (too large to store, so encoded again when needed). Decoding and the transform run
/// in parallel within a batch, then the encoder runs; one pixel buffer of a batch is reused throughout.
/// </summary>
internal sealed class ImageBatchEncoder(IEvaluationModel model, EvaluationSettings settings)
{
    private readonly ImageLoader _loader = new();

    /// <summary>Images encoded so far.</summary>
    public long Encoded { get; private set; }

    /// <summary>Encodes <paramref name="paths"/> in order; <paramref name="onBatch"/> gets each batch's first index and encodings.</summary>
    /// <param name="paths">The image files.</param>
    /// <param name="perturbation">A perturbation of the transformed tensor with its seed, or null.</param>
    /// <param name="onBatch">Receives (index of the batch's first image, its encodings in order).</param>
    /// <param name="describe">Names image <c>i</c> in errors (subset and index).</param>
    /// <param name="progress">Told the number of images done after each batch.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public void Encode(
        IReadOnlyList<string> paths,
        (ImagePerturbation Kind, long Seed)? perturbation,
        Action<int, IReadOnlyList<ImageEncoding>> onBatch,
        Func<int, string> describe,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var length = model.Transform.TensorLength;
        var (height, width) = (model.Transform.Spec.Height, model.Transform.Spec.Width);
        var channels = length / (height * width);
        var batchSize = settings.BatchSize;
        var pixels = new float[Math.Min(batchSize, Math.Max(1, paths.Count)) * length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.EffectivePreprocessThreads, CancellationToken = cancellationToken };
        for (var start = 0; start < paths.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, paths.Count - start);
            var failures = new string?[count];
            Parallel.For(0, count, options, j =>
            {
                var index = start + j;
                var tensor = pixels.AsSpan(j * length, length);
                try
                {
                    using var image = _loader.Load(paths[index]);
                    model.Transform.Apply(image, tensor);
                }
                catch (AroException ex)
                {
                    failures[j] = ex.Message;
                    return;
                }

                if (perturbation is { } p)
                {
                    ImagePerturbations.Apply(tensor, channels, height, width, p.Kind, p.Seed, index);
                }
            });
            for (var j = 0; j < count; j++)
            {
                if (failures[j] is { } failure)
                {
                    throw new AroInputException($"{describe(start + j)}: {failure}");
                }
            }

            var encodings = model.ImageEncoder.Encode(pixels, count, cancellationToken);
            for (var j = 0; j < count; j++)
            {
                if (EmbeddingCheck.Problem(encodings[j].Embedding) is { } problem)
                {
                    throw new AroInputException($"{describe(start + j)}: {EmbeddingCheck.Describe("image", model.ImageEncoder.Signature.FileName, problem)}");
                }
            }

            Encoded += count;
            onBatch(start, encodings);
            progress?.Report(start + count);
        }
    }
}
