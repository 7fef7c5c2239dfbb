namespace Aro.Core.Download;

/// <summary>
/// Follows redirects for the shared download client, but only to http and https. HttpClient's own redirect handling
/// follows any scheme: a redirect to <c>ftp://host/x</c> sent a plain HTTP request to that host, and one to
/// <c>file:///etc/passwd</c> failed deep inside with a <see cref="UriFormatException"/> ("unexpected error").
/// A redirect this handler does not follow (another scheme, https to plain http, one hop too many) is handed back
/// as the 3xx response itself, for <see cref="FileDownloader"/> to name its target.
/// <para>
/// Each hop is a new request with the same method and headers (so a Range request stays one), except that a 303
/// turns into a GET, the <c>Cookie</c> header is left to the inner handler's cookie container, and
/// <c>Authorization</c> is not sent to another host — what HttpClient's handler does too.
/// </para>
/// </summary>
internal sealed class HttpOnlyRedirects(HttpMessageHandler inner, int maxRedirects) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hop < maxRedirects && Next(response, request) is { } next; hop++)
        {
            response.Dispose();
            request = next;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>The request a redirect leads to, or null when <paramref name="response"/> is not one to follow.</summary>
    private static HttpRequestMessage? Next(HttpResponseMessage response, HttpRequestMessage request)
    {
        var code = (int)response.StatusCode;
        if (code is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is not { } location || request.RequestUri is not { } from)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        if (target.Scheme is not ("http" or "https") || (from.Scheme == "https" && target.Scheme == "http"))
        {
            return null;
        }

        var method = code == 303 && request.Method != HttpMethod.Head ? HttpMethod.Get : request.Method;
        var next = new HttpRequestMessage(method, target) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        var sameHost = string.Equals(from.Host, target.Host, StringComparison.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || (!sameHost && name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            next.Headers.TryAddWithoutValidation(name, values);
        }

        return next;
    }
}
