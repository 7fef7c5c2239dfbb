using System.Net;
using System.Net.Http.Headers;

namespace Aro.Core.Download;

/// <summary>
/// The HTTP clients every download shares, so connections are pooled. No whole-request timeout (a 350 MB file
/// may take minutes): <see cref="FileDownloader"/> bounds the wait for response headers and for each read instead.
/// Responses are never decompressed, so byte counts and Range offsets are the file's own.
/// </summary>
public static class DownloadHttp
{
    /// <summary>Follows redirects (Hugging Face sends files from its CDN; Drive from drive.usercontent.google.com).</summary>
    public static HttpClient Shared { get; } = Create(allowRedirects: true);

    /// <summary>
    /// Does not follow redirects: Hugging Face puts a file's hash (<c>X-Linked-ETag</c>) on its first response,
    /// before the redirect to the CDN, whose headers carry no such thing.
    /// </summary>
    public static HttpClient NoRedirects { get; } = Create(allowRedirects: false);

    private static HttpClient Create(bool allowRedirects)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = allowRedirects,
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
            // Drive's older confirm flow ties the confirm token to a cookie set by the warning page.
            UseCookies = true,
            CookieContainer = new CookieContainer(),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("aro", AroVersion.Current));
        return client;
    }
}
