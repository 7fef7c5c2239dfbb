namespace Aro.Core.Download;

/// <summary>Bounds on what an archive may unpack to, so a damaged or hostile zip cannot fill the disk.</summary>
/// <param name="MaxEntries">Entries in all.</param>
/// <param name="MaxEntryBytes">Uncompressed size of one entry.</param>
/// <param name="MaxTotalBytes">Uncompressed size of all entries.</param>
/// <param name="MaxCompressionRatio">
/// Uncompressed / compressed size of every entry, whatever its size (a "zip bomb" has thousands; JPEGs barely
/// compress). With it, an archive unpacks to at most this many times its own size.
/// </param>
public sealed record ZipLimits(long MaxEntries, long MaxEntryBytes, long MaxTotalBytes, double MaxCompressionRatio)
{
    /// <summary>Generous for the 1 GB VG image zip (JPEGs barely compress), tight against bombs: 8 GiB in all.</summary>
    public static ZipLimits Default { get; } = new(
        MaxEntries: 1_000_000,
        MaxEntryBytes: 1L << 30,
        MaxTotalBytes: 8L << 30,
        MaxCompressionRatio: 200);
}
