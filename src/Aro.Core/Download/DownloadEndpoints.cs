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

    private static bool IsUnder(string url, string? endpoint) =>
        endpoint is not null && url.StartsWith(endpoint.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;
}
