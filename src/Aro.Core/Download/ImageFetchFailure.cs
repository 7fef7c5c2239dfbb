namespace Aro.Core.Download;

/// <summary>An image that could not be fetched, and why.</summary>
public sealed record ImageFetchFailure(string Image, string Reason);
