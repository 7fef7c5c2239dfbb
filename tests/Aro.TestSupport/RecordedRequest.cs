using System.Globalization;

namespace Aro.TestSupport;

/// <summary>A request <see cref="LocalHttpServer"/> received.</summary>
/// <param name="Method">GET, HEAD, ...</param>
/// <param name="Target">The path and query as sent (<c>/uc?export=download&amp;id=X</c>).</param>
/// <param name="Headers">Its headers (names case-insensitive).</param>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The path without the query.</summary>
    public string Path => Target.Split('?')[0];

    /// <summary>The query string without '?', or "".</summary>
    public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";

    /// <summary>The start of a <c>Range: bytes=N-</c> header, or null.</summary>
    public long? RangeStart =>
        Headers.TryGetValue("Range", out var range) && range.StartsWith("bytes=", StringComparison.Ordinal)
            ? long.Parse(range["bytes=".Length..].Split('-')[0], CultureInfo.InvariantCulture)
            : null;

    /// <summary>The value of query parameter <paramref name="name"/>, or null.</summary>
    public string? QueryValue(string name) =>
        Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => Uri.UnescapeDataString(p[0]) == name)
            .Select(p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")
            .FirstOrDefault();
}
