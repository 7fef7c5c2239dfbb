using System.Numerics.Tensors;

namespace Aro.Core.Metrics;

/// <summary>
/// The images x texts cosine matrix of a retrieval problem (dot products of L2-normalised rows), computed tile by tile
/// with <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> and never held: each score is
/// offered to its image's and its text's <see cref="RankedList"/> and dropped. Memory is the two lists per query,
/// (images x imageK + texts x textK) pairs, plus one set of image lists per worker thread; for COCO's 5,000 x 25,010 with
/// k = 128 (BLIP's candidates) that is 30 MB plus 6 MB per thread, against 500 MB for the matrix itself in float32.
/// </summary>
/// <remarks>
/// The texts are split into contiguous ranges, one per worker; a worker owns its texts' lists and keeps its own list
/// per image, merged at the end. Each score is computed once, as a float, from the image row first (the row whose
/// alignment <c>Dot</c> looks at), so a score does not depend on the tiling, the thread count or the order of work,
/// and <see cref="RankedList"/>'s total order makes the result identical for any of them.
/// </remarks>
public static class SimilarityRanking
{
    private const int ImageTile = 64;
    private const int TextTile = 256;

    /// <summary>The best <paramref name="imageK"/> texts of every image and the best <paramref name="textK"/> images of every text.</summary>
    /// <param name="images">Image embeddings, L2-normalised.</param>
    /// <param name="texts">Text embeddings, L2-normalised, of the same dimension.</param>
    /// <param name="imageK">Texts kept per image (at most the number of texts).</param>
    /// <param name="textK">Images kept per text (at most the number of images).</param>
    /// <param name="threads">Worker threads (at least 1).</param>
    /// <param name="cancellationToken">Checked between tiles.</param>
    public static SimilarityRankings Rank(EmbeddingMatrix images, EmbeddingMatrix texts, int imageK, int textK, int threads = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(texts);
        if (images.Dimension != texts.Dimension)
        {
            throw new AroException($"image embeddings have {images.Dimension} values and text embeddings {texts.Dimension}; they must match");
        }

        imageK = Math.Max(1, Math.Min(imageK, texts.Rows));
        textK = Math.Max(1, Math.Min(textK, images.Rows));
        var perText = new RankedList[texts.Rows];
        for (var t = 0; t < perText.Length; t++)
        {
            perText[t] = new RankedList(textK);
        }

        var workers = Math.Max(1, Math.Min(threads, (texts.Rows + TextTile - 1) / TextTile));
        var partial = new RankedList[workers][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        Parallel.For(0, workers, options, w =>
        {
            var rows = new RankedList[images.Rows];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new RankedList(imageK);
            }

            var (first, end) = (Range(texts.Rows, workers, w), Range(texts.Rows, workers, w + 1));
            for (var textStart = first; textStart < end; textStart += TextTile)
            {
                var textEnd = Math.Min(end, textStart + TextTile);
                for (var imageStart = 0; imageStart < images.Rows; imageStart += ImageTile)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var imageEnd = Math.Min(images.Rows, imageStart + ImageTile);
                    for (var i = imageStart; i < imageEnd; i++)
                    {
                        var image = images.Row(i);
                        var row = rows[i];
                        for (var t = textStart; t < textEnd; t++)
                        {
                            double score = TensorPrimitives.Dot(image, texts.Row(t));
                            row.Offer(score, t);
                            perText[t].Offer(score, i);
                        }
                    }
                }
            }

            partial[w] = rows;
        });

        var perImage = partial[0];
        for (var w = 1; w < workers; w++)
        {
            for (var i = 0; i < perImage.Length; i++)
            {
                perImage[i].Merge(partial[w][i]);
            }
        }

        return new SimilarityRankings(perImage, perText);
    }

    private static int Range(int count, int parts, int part) => (int)((long)count * part / parts);
}

/// <summary>The ranked texts of every image and the ranked images of every text.</summary>
public sealed record SimilarityRankings(IReadOnlyList<RankedList> PerImage, IReadOnlyList<RankedList> PerText);
