using Aro.Core.Metrics;
using Xunit;

namespace Aro.Core.Tests.Metrics;

/// <summary>
/// The retrieval ranking: the tiled top-k of <see cref="SimilarityRanking"/> against a brute-force stable sort of the
/// whole matrix computed here (the rule: descending score, equal scores lower index first), for several tile
/// boundaries and thread counts; <see cref="RankedList"/>'s order and <see cref="RescoredRanking"/>'s -100 fill by hand.
/// </summary>
public sealed class RankingTests
{
    [Theory]
    [InlineData(3, 7, 1)]
    [InlineData(70, 300, 1)]
    [InlineData(70, 300, 3)]
    [InlineData(130, 600, 4)]
    public void Tiled_top_k_equals_a_stable_sort_of_the_whole_matrix(int imageCount, int textCount, int threads)
    {
        var random = new Random(imageCount * 1000 + textCount);
        var images = Matrix(imageCount, 24, random);
        var texts = Matrix(textCount, 24, random);

        // Duplicate rows: identical inputs must score identically, and the lower index then ranks first.
        texts.Set(textCount - 1, texts.Row(1));
        images.Set(imageCount - 1, images.Row(0));
        var ranks = SimilarityRanking.Rank(images, texts, 10, 5, threads);

        var scores = new double[imageCount, textCount];
        for (var i = 0; i < imageCount; i++)
        {
            for (var t = 0; t < textCount; t++)
            {
                scores[i, t] = System.Numerics.Tensors.TensorPrimitives.Dot(images.Row(i), texts.Row(t));
            }
        }

        for (var i = 0; i < imageCount; i++)
        {
            var expected = Enumerable.Range(0, textCount).OrderByDescending(t => scores[i, t]).Take(Math.Min(10, textCount)).ToArray();
            Assert.Equal(expected, ranks.PerImage[i].Indices);
        }

        for (var t = 0; t < textCount; t++)
        {
            var expected = Enumerable.Range(0, imageCount).OrderByDescending(i => scores[i, t]).Take(Math.Min(5, imageCount)).ToArray();
            Assert.Equal(expected, ranks.PerText[t].Indices);
        }

        Assert.Equal(scores[0, 1], scores[0, textCount - 1]);
        if (textCount > 1)
        {
            var row = ranks.PerImage[0].Indices;
            var a = Array.IndexOf(row, 1);
            var b = Array.IndexOf(row, textCount - 1);
            Assert.True(a < 0 || b < 0 || a < b, "the lower index of two equal scores ranks first");
        }
    }

    [Fact]
    public void A_ranked_list_is_the_same_whatever_order_pairs_are_offered_in()
    {
        (double Score, int Index)[] pairs = [(0.5, 4), (0.9, 7), (0.5, 2), (0.1, 0), (0.9, 3), (0.7, 9), (0.5, 1)];
        var forward = new RankedList(4);
        var backward = new RankedList(4);
        foreach (var (score, index) in pairs)
        {
            forward.Offer(score, index);
        }

        foreach (var (score, index) in pairs.Reverse())
        {
            backward.Offer(score, index);
        }

        Assert.Equal([3, 7, 9, 1], forward.Indices);
        Assert.Equal(forward.Indices, backward.Indices);
        var merged = new RankedList(4);
        var half = new RankedList(4);
        foreach (var (score, index) in pairs.Take(3))
        {
            merged.Offer(score, index);
        }

        foreach (var (score, index) in pairs.Skip(3))
        {
            half.Offer(score, index);
        }

        merged.Merge(half);
        Assert.Equal(forward.Indices, merged.Indices);
    }

    [Fact]
    public void Rescored_candidates_rank_above_the_fill_and_the_rest_follow_in_index_order()
    {
        // BLIP's row: candidates 5 (2.0), 2 (-3.0), 7 (-100: ties the fill), 1 (-250: below it); every other item -100.
        (int, double)[] candidates = [(5, 2.0), (2, -3.0), (7, -100.0), (1, -250.0)];

        Assert.Equal([5, 2, 0, 3, 4, 6, 7, 8], RescoredRanking.First(candidates, 10, RescoredRanking.BlipFill, 8));
        Assert.Equal([5, 2, 0, 3, 4, 6, 7, 8, 9, 1], RescoredRanking.First(candidates, 10, RescoredRanking.BlipFill, 20));
        Assert.Equal([5], RescoredRanking.First(candidates, 10, RescoredRanking.BlipFill, 1));
        Assert.Equal([3, 1], RescoredRanking.First([(1, 0.5), (3, 0.5)], 4, -100, 2).Reverse());
    }

    [Fact]
    public void Recalls_count_images_with_any_own_caption_and_captions_with_their_own_image()
    {
        // Images 0 and 1; captions 0, 1 of image 0 and 2 of image 1.
        int[] imageOf = [0, 0, 1];
        int[][] textsOfImage = [[2, 1, 0], [0, 1, 2]];
        int[][] imagesOfText = [[0, 1], [1, 0], [1, 0]];

        var recalls = RetrievalRecalls.From(textsOfImage, imagesOfText, imageOf);

        Assert.Equal(0, recalls.ImageToText(1));
        Assert.Equal(1, recalls.ImageToText(5));
        Assert.Equal(2.0 / 3, recalls.TextToImage(1), 12);
        Assert.Equal(1, recalls.TextToImage(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => recalls.TextToImage(3));
    }

    private static EmbeddingMatrix Matrix(int rows, int dimension, Random random)
    {
        var matrix = new EmbeddingMatrix(rows, dimension);
        var row = new float[dimension];
        for (var r = 0; r < rows; r++)
        {
            for (var d = 0; d < dimension; d++)
            {
                row[d] = (float)((random.NextDouble() * 2) - 1);
            }

            var norm = MathF.Sqrt(row.Sum(v => v * v));
            matrix.Set(r, [.. row.Select(v => v / norm)]);
        }

        return matrix;
    }
}
