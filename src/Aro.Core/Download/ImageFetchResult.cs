namespace Aro.Core.Download;

/// <summary>What a run of <see cref="ImageFetcher"/> did.</summary>
/// <param name="Total">Images asked for.</param>
/// <param name="AlreadyPresent">Images already there and valid (nothing fetched).</param>
/// <param name="Downloaded">Images fetched now.</param>
/// <param name="Failures">Images that could not be fetched; the others are kept.</param>
public sealed record ImageFetchResult(int Total, int AlreadyPresent, int Downloaded, IReadOnlyList<ImageFetchFailure> Failures);
