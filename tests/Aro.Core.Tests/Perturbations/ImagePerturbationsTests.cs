using Aro.Core.Perturbations;
using Xunit;

namespace Aro.Core.Tests.Perturbations;

/// <summary>
/// The image shuffles of the retrieval experiment on small tensors whose every value names its own position, so the
/// expected output is read off by hand: the block geometry of torch's unfold/fold with stride = block size (blocks
/// numbered row by row; new block j = old block perm[j]; uncovered pixels 0). scripts/make_benchmark_demos.py checks
/// the same against torch itself through the demo recalls.
/// </summary>
public sealed class ImagePerturbationsTests
{
    [Theory]
    [InlineData(ImagePerturbation.ShuffleRows4, 224, 224, 56, 224, 4, 1)]
    [InlineData(ImagePerturbation.ShuffleCols4, 224, 224, 224, 56, 1, 4)]
    [InlineData(ImagePerturbation.ShufflePatches9, 224, 224, 74, 74, 3, 3)]
    [InlineData(ImagePerturbation.ShufflePatches9, 384, 384, 128, 128, 3, 3)]
    [InlineData(ImagePerturbation.ShuffleRows4, 10, 6, 2, 6, 5, 1)]
    public void Blocks_follow_unfold_with_stride_equal_to_the_block(ImagePerturbation kind, int height, int width, int blockHeight, int blockWidth, int down, int across)
    {
        Assert.Equal(new BlockGrid(blockHeight, blockWidth, down, across), ImagePerturbations.Grid(kind, height, width));
    }

    [Fact]
    public void Rows_move_whole_bands_and_rows_no_band_covers_become_zero()
    {
        // 2 channels x 9 rows x 2 columns: bands of 9 // 4 = 2 rows, 4 of them; row 8 is covered by none.
        const int channels = 2, height = 9, width = 2;
        var tensor = Positions(channels, height, width);
        var perm = ImagePerturbations.Permutation(ImagePerturbation.ShuffleRows4, 4, seed: 3, imageIndex: 1);

        ImagePerturbations.Apply(tensor, channels, height, width, ImagePerturbation.ShuffleRows4, seed: 3, imageIndex: 1);

        Assert.Equal([0, 1, 2, 3], perm.Order());
        for (var c = 0; c < channels; c++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var expected = y >= 8 ? 0 : Position(c, (perm[y / 2] * 2) + (y % 2), x, height, width);
                    Assert.Equal(expected, tensor[(((c * height) + y) * width) + x]);
                }
            }
        }
    }

    [Fact]
    public void Patches_move_row_by_row_numbered_blocks_and_the_uncovered_edge_is_zero()
    {
        // 1 x 7 x 7: 2 x 2 patches (7 // 3), 3 x 3 of them; row 6 and column 6 are covered by none.
        var tensor = Positions(1, 7, 7);
        var perm = ImagePerturbations.Permutation(ImagePerturbation.ShufflePatches9, 9, seed: 1, imageIndex: 4);

        ImagePerturbations.Apply(tensor, 1, 7, 7, ImagePerturbation.ShufflePatches9, seed: 1, imageIndex: 4);

        Assert.NotEqual(Enumerable.Range(0, 9), perm);
        for (var y = 0; y < 7; y++)
        {
            for (var x = 0; x < 7; x++)
            {
                float expected = 0;
                if (y < 6 && x < 6)
                {
                    var from = perm[((y / 2) * 3) + (x / 2)];
                    expected = Position(0, ((from / 3) * 2) + (y % 2), ((from % 3) * 2) + (x % 2), 7, 7);
                }

                Assert.Equal(expected, tensor[(y * 7) + x]);
            }
        }
    }

    [Fact]
    public void Columns_move_whole_bands()
    {
        var tensor = Positions(1, 3, 8);
        var perm = ImagePerturbations.Permutation(ImagePerturbation.ShuffleCols4, 4, seed: 2, imageIndex: 0);

        ImagePerturbations.Apply(tensor, 1, 3, 8, ImagePerturbation.ShuffleCols4, seed: 2, imageIndex: 0);

        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                Assert.Equal(Position(0, y, (perm[x / 2] * 2) + (x % 2), 3, 8), tensor[(y * 8) + x]);
            }
        }
    }

    [Fact]
    public void Each_image_gets_its_own_permutation_from_the_seed_and_its_index()
    {
        var byIndex = Enumerable.Range(0, 8).Select(i => string.Join(',', ImagePerturbations.Permutation(ImagePerturbation.ShufflePatches9, 9, 1, i))).ToHashSet();
        Assert.True(byIndex.Count > 4);
        Assert.Equal(ImagePerturbations.Permutation(ImagePerturbation.ShufflePatches9, 9, 1, 3), ImagePerturbations.Permutation(ImagePerturbation.ShufflePatches9, 9, 1, 3));
        Assert.NotEqual(ImagePerturbations.Permutation(ImagePerturbation.ShufflePatches9, 9, 1, 3), ImagePerturbations.Permutation(ImagePerturbation.ShufflePatches9, 9, 2, 3));
    }

    [Fact]
    public void Names_parse_and_an_unknown_one_is_refused()
    {
        Assert.Equal([ImagePerturbation.ShuffleCols4, ImagePerturbation.ShuffleRows4], ImagePerturbations.ParseList("shuffle_cols_4,shuffle_rows_4,shuffle_cols_4"));
        var error = Assert.Throws<AroInputException>(() => ImagePerturbations.ParseList("shuffle_patch_9"));
        Assert.Contains("shuffle_patches_9", error.Message, StringComparison.Ordinal);
        Assert.Throws<AroException>(() => ImagePerturbations.Grid(ImagePerturbation.ShuffleRows4, 3, 3));
    }

    private static float Position(int c, int y, int x, int height, int width) => 1 + (((c * height) + y) * width) + x;

    private static float[] Positions(int channels, int height, int width)
    {
        var tensor = new float[channels * height * width];
        for (var i = 0; i < tensor.Length; i++)
        {
            tensor[i] = i + 1;
        }

        return tensor;
    }
}
