using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Aro.Core.Download;

/// <summary>
/// The hash a server publishes for a file, read from a HEAD request that does not follow redirects. Hugging Face
/// sends an LFS file's SHA-256 as <c>X-Linked-ETag</c> (and its size as <c>X-Linked-Size</c>) before redirecting to
/// its CDN, and a git file's blob SHA-1 as its <c>ETag</c>. Used only when the catalog pins no SHA-256; the hash is
/// then the server's word, not the catalog's, and says so wherever it is shown.
/// </summary>
/// <param name="Sha256">The SHA-256 (lower-case hex), when the server sent one.</param>
/// <param name="GitSha1">The git blob SHA-1 (lower-case hex), when the server sent one instead.</param>
/// <param name="Size">The size the server announced, if any.</param>
/// <param name="Header">The header the hash came from.</param>
public sealed partial record ServerFileHash(string? Sha256, string? GitSha1, long? Size, string Header)
{
    private const int MaxRedirects = 5;

    /// <summary>Where the hash came from, for messages and the download receipt.</summary>
    public string Source => Sha256 is not null ? $"the server's {Header} (sha256)" : $"the server's {Header} (git blob sha1)";

    /// <summary>The published hash of <paramref name="url"/>, or null when the server sends none we can check against.</summary>
    public static async Task<ServerFileHash?> ReadAsync(HttpClient noRedirects, Uri url, DownloadOptions options, CancellationToken cancellationToken = default)
    {
        var current = url;
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, current);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ResponseTimeout);
            HttpResponseMessage response;
            try
            {
                response = await noRedirects.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (DownloadEndpoints.IsNameNotResolved(ex))
            {
                throw new AroException(DownloadEndpoints.FromEnvironment().NameNotResolved(current), 1, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new AroException($"could not read the file's metadata from {current}: {ex.Message}", 1, ex);
            }

            using (response)
            {
                if (FromHeaders(response.Headers, response.IsSuccessStatusCode ? response.Content.Headers.ContentLength : null) is { } found)
                {
                    return found;
                }

                var code = (int)response.StatusCode;
                if (code is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = new Uri(current, location);
                    if (next.Scheme is not ("http" or "https"))
                    {
                        throw new AroException($"could not read the file's metadata: {current} redirects to {DownloadEndpoints.NotHttp(next)}", 2);
                    }

                    // A relative redirect stays on the hub (a renamed repository); an absolute one leaves for the CDN,
                    // whose ETag is not the file's hash.
                    if (location.IsAbsoluteUri && !string.Equals(location.Host, current.Host, StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }

                    current = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new AroException($"could not read the file's metadata: HTTP {code} {response.ReasonPhrase} from {current}");
                }

                return null;
            }
        }

        return null;
    }

    /// <summary>The hash in a response's headers, if any.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="contentLength">The response's Content-Length when it describes the file (a 200, not a redirect).</param>
    public static ServerFileHash? FromHeaders(HttpResponseHeaders headers, long? contentLength)
    {
        var size = HeaderValue(headers, "X-Linked-Size") is { } linkedSize && long.TryParse(linkedSize, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : contentLength;
        foreach (var name in new[] { "X-Linked-ETag", "ETag" })
        {
            var value = name == "ETag" ? headers.ETag?.Tag : HeaderValue(headers, name);
            if (value is null)
            {
                continue;
            }

            var tag = value.Trim();
            if (tag.StartsWith("W/", StringComparison.Ordinal))
            {
                continue; // a weak ETag is no content hash
            }

            tag = tag.Trim('"').ToLowerInvariant();
            if (Sha256Pattern().IsMatch(tag))
            {
                return new ServerFileHash(tag, null, size, name);
            }

            if (Sha1Pattern().IsMatch(tag))
            {
                return new ServerFileHash(null, tag, size, name);
            }
        }

        return null;
    }

    private static string? HeaderValue(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha1Pattern();
}
