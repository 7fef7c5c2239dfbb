namespace Aro.Core.Reports.Gallery;

/// <summary>What the failure gallery shows and how much room its thumbnails may take.</summary>
/// <param name="Count">Cases per list: the most confident mistakes, the closest calls, and each direction of a disagreement; 0 turns the gallery off.</param>
/// <param name="DataDirectory">Where to look for the cases' data instead of the files run.json records (<c>--data DIR</c>), or null.</param>
public sealed record GalleryOptions(int Count = GalleryOptions.DefaultCount, string? DataDirectory = null)
{
    public const int DefaultCount = 12;

    /// <summary>The thumbnails' size and byte limits.</summary>
    public ThumbnailLimits Limits { get; init; } = ThumbnailLimits.Default;

    public bool Enabled => Count > 0;

    /// <summary>Rejects a negative count and a data folder that does not exist (input errors, exit 2).</summary>
    public void Validate()
    {
        if (Count < 0)
        {
            throw new AroInputException(FormattableString.Invariant($"--gallery must be 0 (no gallery) or more, found {Count}"));
        }

        if (DataDirectory is { } data && !Directory.Exists(data))
        {
            throw new AroInputException($"--data: no such folder: {Path.GetFullPath(data)}");
        }

        Limits.Validate();
    }
}

/// <summary>
/// How large the gallery's thumbnails are: the longest side in pixels, the JPEG quality, the most one thumbnail may
/// take (a busier image is re-encoded at lower qualities until it fits, else left out) and the most all of them
/// together may take in the page, counted as the base64 characters of their data URIs.
/// </summary>
public sealed record ThumbnailLimits(int LongestSide, int Quality, int MaxBytesEach, long Budget)
{
    /// <summary>
    /// 160 px, quality 80, 16 KiB a thumbnail, 2 MiB in all: a report stays under 3 MB whatever it holds (a
    /// 160 px JPEG of a photograph at quality 80 takes 5–10 KB, so about 200 thumbnails fit before the budget bites).
    /// </summary>
    public static ThumbnailLimits Default { get; } = new(160, 80, 16 * 1024, 2 * 1024 * 1024);

    /// <summary>The qualities tried, best first, until a thumbnail fits <see cref="MaxBytesEach"/>.</summary>
    public IReadOnlyList<int> Qualities => [.. new[] { Quality, 60, 40, 20 }.Where(q => q <= Quality).Distinct()];

    public void Validate()
    {
        if (LongestSide < 1 || Quality is < 1 or > 100 || MaxBytesEach < 1 || Budget < 0)
        {
            throw new ArgumentException($"thumbnail limits out of range: {this}");
        }
    }
}
