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
    /// <summary>
    /// Follows http(s) redirects (Hugging Face sends files from its CDN; Drive from drive.usercontent.google.com), at
    /// most 10 (see <see cref="HttpOnlyRedirects"/>).
    /// </summary>
    public static HttpClient Shared { get; } = Create(allowRedirects: true);

    /// <summary>
    /// Does not follow redirects: Hugging Face puts a file's hash (<c>X-Linked-ETag</c>) on its first response,
    /// before the redirect to the CDN, whose headers carry no such thing.
    /// </summary>
    public static HttpClient NoRedirects { get; } = Create(allowRedirects: false);

    private const int MaxRedirects = 10;

    private static HttpClient Create(bool allowRedirects)
    {
        var handler = new SocketsHttpHandler
        {
            // Redirects are followed by HttpOnlyRedirects, which, unlike this handler, refuses other schemes.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
            // Drive's older confirm flow ties the confirm token to a cookie set by the warning page.
            UseCookies = true,
            CookieContainer = new CookieContainer(),
        };
        var client = new HttpClient(allowRedirects ? new HttpOnlyRedirects(handler, MaxRedirects) : handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("aro", AroVersion.Current));
        return client;
    }
}
