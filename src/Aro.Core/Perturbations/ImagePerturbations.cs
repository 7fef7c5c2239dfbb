using Aro.Core.Randomness;

namespace Aro.Core.Perturbations;

/// <summary>
/// The image perturbations, applied to a transformed CHW tensor (after resize, crop and normalisation, as the official
/// code applies them to <c>image_preprocess(image)</c>), with the official block geometry: <c>shuffle_rows</c>,
/// <c>shuffle_columns</c> and <c>shuffle_patches</c> of the ARO code's <c>dataset_zoo/perturbations.py</c>, which cut
/// the tensor with <c>torch.nn.functional.unfold</c> into non-overlapping blocks (stride = block size), permute the
/// blocks and <c>fold</c> them back.
/// </summary>
/// <remarks>
/// Block sizes are <c>H // n</c> (and <c>W // n</c>); there are <c>(H - h) // h + 1</c> blocks down and
/// <c>(W - w) // w + 1</c> across, numbered row by row as <c>unfold</c> numbers them. New block <c>j</c> is old block
/// <c>perm[j]</c> (the official <c>b[:, randperm(L)]</c>). Pixels no block covers (the last <c>H mod n</c> rows when
/// <c>H</c> is not a multiple, e.g. 2 of 224 for a 3 x 3 grid) are 0, as <c>fold</c> leaves them. The permutation is
/// the identity shuffled by <see cref="SplitMix64.Shuffle{T}"/> from the stream (seed, image index,
/// <see cref="StreamKey"/>), not <c>torch.randperm</c>, so it is reproducible without PyTorch.
/// </remarks>
public static class ImagePerturbations
{
    /// <summary>The three perturbations, in the official script's order.</summary>
    public static IReadOnlyList<ImagePerturbation> All { get; } =
        [ImagePerturbation.ShuffleRows4, ImagePerturbation.ShufflePatches9, ImagePerturbation.ShuffleCols4];

    /// <summary>The official name, e.g. <c>shuffle_rows_4</c>.</summary>
    public static string Name(this ImagePerturbation perturbation) => perturbation switch
    {
        ImagePerturbation.ShuffleRows4 => "shuffle_rows_4",
        ImagePerturbation.ShufflePatches9 => "shuffle_patches_9",
        ImagePerturbation.ShuffleCols4 => "shuffle_cols_4",
        _ => throw new ArgumentOutOfRangeException(nameof(perturbation), perturbation, "not an image perturbation"),
    };

    /// <summary>The random stream key of a perturbation: 16 + its number, apart from every caption perturbation's.</summary>
    public static ulong StreamKey(this ImagePerturbation perturbation) => 16 + (ulong)perturbation;

    /// <summary>A comma-separated list (<c>--image-perturbations</c>), each once, in the order given.</summary>
    public static IReadOnlyList<ImagePerturbation> ParseList(string text, string option = "--image-perturbations")
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<ImagePerturbation>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var perturbation = All.Cast<ImagePerturbation?>().FirstOrDefault(p => p!.Value.Name() == part) ?? throw new AroInputException(
                $"{option}: unknown image perturbation '{part}'.{NameSuggestions.DidYouMean(part, All.Select(p => p.Name()))} Known: {string.Join(", ", All.Select(p => p.Name()))}.");
            if (!result.Contains(perturbation))
            {
                result.Add(perturbation);
            }
        }

        return result;
    }

    /// <summary>The block grid of a perturbation on an <paramref name="height"/> x <paramref name="width"/> tensor.</summary>
    public static BlockGrid Grid(ImagePerturbation perturbation, int height, int width)
    {
        var (blockHeight, blockWidth) = perturbation switch
        {
            ImagePerturbation.ShuffleRows4 => (height / 4, width),
            ImagePerturbation.ShuffleCols4 => (height, width / 4),
            ImagePerturbation.ShufflePatches9 => (height / 3, width / 3),
            _ => throw new ArgumentOutOfRangeException(nameof(perturbation), perturbation, "not an image perturbation"),
        };
        if (blockHeight <= 0 || blockWidth <= 0)
        {
            throw new AroException($"{perturbation.Name()} needs an input of at least 4 x 4 pixels; the model's is {width} x {height}");
        }

        return new BlockGrid(blockHeight, blockWidth, ((height - blockHeight) / blockHeight) + 1, ((width - blockWidth) / blockWidth) + 1);
    }

    /// <summary>The permutation for the image at <paramref name="imageIndex"/>: new block <c>j</c> is old block <c>perm[j]</c>.</summary>
    public static int[] Permutation(ImagePerturbation perturbation, int blocks, long seed, int imageIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(imageIndex);
        var perm = Enumerable.Range(0, blocks).ToArray();
        SplitMix64.ForStream(unchecked((ulong)seed), (ulong)imageIndex, perturbation.StreamKey()).Shuffle(perm);
        return perm;
    }

    /// <summary>Permutes the blocks of one CHW tensor in place (see the remarks of this class).</summary>
    /// <param name="tensor">The transformed image, <paramref name="channels"/> x <paramref name="height"/> x <paramref name="width"/>.</param>
    /// <param name="channels">Channels (3).</param>
    /// <param name="height">Rows.</param>
    /// <param name="width">Columns.</param>
    /// <param name="perturbation">Which blocks.</param>
    /// <param name="seed">The seed (<c>--seed</c>).</param>
    /// <param name="imageIndex">The image's index in its subset, which picks its permutation.</param>
    public static void Apply(Span<float> tensor, int channels, int height, int width, ImagePerturbation perturbation, long seed, int imageIndex)
    {
        if (tensor.Length != channels * height * width)
        {
            throw new ArgumentException($"a {channels} x {height} x {width} tensor has {channels * height * width} values, not {tensor.Length}", nameof(tensor));
        }

        var grid = Grid(perturbation, height, width);
        var perm = Permutation(perturbation, grid.Count, seed, imageIndex);
        var source = tensor.ToArray();
        tensor.Clear();
        for (var j = 0; j < perm.Length; j++)
        {
            var (toRow, toColumn) = grid.Origin(j);
            var (fromRow, fromColumn) = grid.Origin(perm[j]);
            for (var c = 0; c < channels; c++)
            {
                for (var y = 0; y < grid.BlockHeight; y++)
                {
                    source.AsSpan((((c * height) + fromRow + y) * width) + fromColumn, grid.BlockWidth)
                        .CopyTo(tensor.Slice((((c * height) + toRow + y) * width) + toColumn, grid.BlockWidth));
                }
            }
        }
    }
}

/// <summary>Non-overlapping blocks of a tensor, numbered row by row.</summary>
/// <param name="BlockHeight">Rows per block.</param>
/// <param name="BlockWidth">Columns per block.</param>
/// <param name="Down">Blocks down.</param>
/// <param name="Across">Blocks across.</param>
public readonly record struct BlockGrid(int BlockHeight, int BlockWidth, int Down, int Across)
{
    public int Count => Down * Across;

    /// <summary>The top-left pixel (row, column) of block <paramref name="block"/>.</summary>
    public (int Row, int Column) Origin(int block) => (block / Across * BlockHeight, block % Across * BlockWidth);
}
