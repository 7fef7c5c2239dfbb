namespace Aro.Core.Download;

/// <summary>A failure worth retrying: a dropped connection, a timeout, a 5xx or 429.</summary>
internal sealed class TransientDownloadException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>What the server asked for in Retry-After, if anything.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
