using Aro.Core.Statistics;

namespace Aro.Core.Results;

/// <summary>
/// The <c>mean</c> and <c>std</c> rows of a perturbation run with several seeds: each recall's mean and sample standard
/// deviation over the seeds (<see cref="SeedSpread"/>, as seeds.csv states them).
/// </summary>
public static class RetrievalSeedRows
{
    /// <summary>The two rows for <paramref name="runs"/> (one per seed, at least two).</summary>
    public static IReadOnlyList<RetrievalRow> Of(IReadOnlyList<RetrievalRow> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count < 2)
        {
            return [];
        }

        var first = runs[0];
        var i2t = Enumerable.Range(0, first.ImageToText.Count).Select(k => SeedSpread.Of([.. runs.Select(r => r.ImageToText[k])])).ToList();
        var t2i = Enumerable.Range(0, first.TextToImage.Count).Select(k => SeedSpread.Of([.. runs.Select(r => r.TextToImage[k])])).ToList();
        return
        [
            first with { Seed = RetrievalRow.MeanSeed, ImageToText = [.. i2t.Select(s => s.Mean)], TextToImage = [.. t2i.Select(s => s.Mean)] },
            first with { Seed = RetrievalRow.StdSeed, ImageToText = [.. i2t.Select(s => s.StandardDeviation)], TextToImage = [.. t2i.Select(s => s.StandardDeviation)] },
        ];
    }
}
