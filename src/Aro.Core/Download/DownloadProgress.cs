namespace Aro.Core.Download;

/// <summary>How far one download (or one set of files) has come.</summary>
/// <param name="Done">Bytes (or files) so far, counting what an earlier run left to resume from.</param>
/// <param name="Total">The total, when known.</param>
/// <param name="Finished">True on the last report.</param>
public sealed record DownloadProgress(long Done, long? Total, bool Finished = false);
