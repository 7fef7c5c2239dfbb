namespace Aro.Core.Download;

/// <summary>
/// Where downloads really go. By default every URL is fetched as written; <c>ARO_HF_ENDPOINT</c> (or the
/// <c>HF_ENDPOINT</c> that huggingface_hub reads) replaces <c>https://huggingface.co</c> with a mirror, and
/// <c>ARO_DOWNLOAD_MIRROR</c> sends every URL the Hugging Face endpoint does not take to
/// <c>{mirror}/{host}/{path}</c> — a plain file server holding copies of the files, for machines that cannot reach
/// the original hosts (and for tests on 127.0.0.1).
/// </summary>
/// <param name="HuggingFace">Replaces <c>https://huggingface.co</c>, or null.</param>
/// <param name="Mirror">Serves every other host as <c>{Mirror}/{host}/...</c>, or null.</param>
public sealed record DownloadEndpoints(string? HuggingFace, string? Mirror)
{
    public const string HuggingFaceVariable = "ARO_HF_ENDPOINT";
    public const string HuggingFaceHubVariable = "HF_ENDPOINT";
    public const string MirrorVariable = "ARO_DOWNLOAD_MIRROR";

    private const string HuggingFaceOrigin = "https://huggingface.co";

    /// <summary>Every URL fetched as written.</summary>
    public static DownloadEndpoints Direct { get; } = new(null, null);

    /// <summary>The endpoints the environment asks for.</summary>
    public static DownloadEndpoints FromEnvironment() => new(
        NonEmpty(HuggingFaceVariable) ?? NonEmpty(HuggingFaceHubVariable),
        NonEmpty(MirrorVariable));

    /// <summary>The URL to fetch for <paramref name="url"/>.</summary>
    public Uri Rewrite(string url)
    {
        var original = new Uri(url, UriKind.Absolute);
        if (IsUnder(url, HuggingFace) || IsUnder(url, Mirror))
        {
            // Already rewritten (a link on a mirrored page resolves against the mirror).
            return original;
        }

        if (HuggingFace is { } hf && original.GetLeftPart(UriPartial.Authority).Equals(HuggingFaceOrigin, StringComparison.OrdinalIgnoreCase))
        {
            return new Uri(hf.TrimEnd('/') + original.PathAndQuery, UriKind.Absolute);
        }

        if (Mirror is { } mirror)
        {
            return new Uri($"{mirror.TrimEnd('/')}/{original.Host}{original.PathAndQuery}", UriKind.Absolute);
        }

        return original;
    }

    /// <summary>The URL to fetch for <paramref name="url"/>.</summary>
    public Uri Rewrite(Uri url) => Rewrite(url.AbsoluteUri);

    /// <summary>
    /// The original (https) URL a fetched URL stands for — the inverse of <see cref="Rewrite(string)"/> — so that
    /// relative links on a mirrored page resolve as they would on the original host.
    /// </summary>
    public Uri Original(Uri fetched)
    {
        var url = fetched.AbsoluteUri;
        if (HuggingFace is { } hf && IsUnder(url, hf))
        {
            return new Uri(HuggingFaceOrigin + url[hf.TrimEnd('/').Length..], UriKind.Absolute);
        }

        if (Mirror is { } mirror && IsUnder(url, mirror))
        {
            return new Uri("https://" + url[(mirror.TrimEnd('/').Length + 1)..], UriKind.Absolute);
        }

        return fetched;
    }

    /// <summary>True when a request failed because the host name does not resolve (DNS), which retrying will not fix.</summary>
    public static bool IsNameNotResolved(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return true;
        }

        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.TryAgain or System.Net.Sockets.SocketError.NoData })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The message for a host name that does not resolve: names the host, and how to point aro elsewhere — or,
    /// when the host is a configured mirror, which setting named it.
    /// </summary>
    public string NameNotResolved(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.Host;
        var setting = IsUnder(url.AbsoluteUri, HuggingFace)
            ? $" It is the Hugging Face mirror that {HuggingFaceVariable} or {HuggingFaceHubVariable} sets ({HuggingFace}): check that setting."
            : IsUnder(url.AbsoluteUri, Mirror)
                ? $" It is the mirror that {MirrorVariable} sets ({Mirror}): check that setting."
                : "";
        return $"cannot reach {host}: the host name does not resolve (DNS lookup failed for {url}); not retried.{setting} " +
            "Check the network connection. Offline or behind a firewall, point aro at a mirror: " +
            $"{HuggingFaceVariable} (or {HuggingFaceHubVariable}) replaces {HuggingFaceOrigin}, " +
            $"and {MirrorVariable} serves every other host as {{mirror}}/{{host}}/{{path}}.";
    }

    /// <summary>
    /// Names a URL aro will not fetch because it is not http or https (a redirect to <c>file://</c>), for the end of a
    /// sentence: "{url}, which is not an http or https URL; ...".
    /// </summary>
    public static string NotHttp(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{url}, which is not an http or https URL; aro downloads only over http(s) " +
            $"(check the URL, and the mirror settings {HuggingFaceVariable} and {MirrorVariable})";
    }

    private static bool IsUnder(string url, string? endpoint) =>
        endpoint is not null && url.StartsWith(endpoint.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
