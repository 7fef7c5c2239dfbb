namespace Aro.Core.Download;

/// <summary>One file to fetch.</summary>
/// <param name="Url">Where to fetch it (after <see cref="DownloadEndpoints.Rewrite(string)"/>).</param>
/// <param name="Destination">Its final path; it appears there only complete and verified.</param>
/// <param name="Label">Its name in progress and errors (<c>onnx/vision_model.onnx</c>).</param>
public sealed record FileDownloadRequest(Uri Url, string Destination, string Label)
{
    /// <summary>The size it must have, when known; a server announcing another size is an error.</summary>
    public long? ExpectedSize { get; init; }

    /// <summary>
    /// The most bytes accepted when <see cref="ExpectedSize"/> is unknown (an annotation file, an image);
    /// <see cref="DownloadOptions.MaxUnpinnedBytes"/> when null. With a pinned size, that size is the bound.
    /// </summary>
    public long? MaxSize { get; init; }

    /// <summary>The SHA-256 (lower-case hex) it must have, when known.</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>The git blob SHA-1 it must have (Hugging Face's ETag of a small, non-LFS file), when known.</summary>
    public string? ExpectedGitSha1 { get; init; }

    /// <summary>Where the expected hash comes from, for messages (<c>the catalog</c>).</summary>
    public string HashSource { get; init; } = "the catalog";

    /// <summary>
    /// A web page in answer means something went wrong (a Drive warning page, a login wall): refuse it instead of
    /// saving it as the file.
    /// </summary>
    public bool RejectHtml { get; init; }

    /// <summary>
    /// Checks the complete file before it gets its final name (a JSON list parses, a JPEG starts like one);
    /// returns null when it is fine, else what is wrong.
    /// </summary>
    public Func<string, string?>? Validate { get; init; }

    /// <summary>Extra request headers (a gated dataset's <c>Authorization: Bearer</c> token); never sent to another host on a redirect.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// What to tell the user when the server refuses access (HTTP 401 or 403), e.g. how to get a token for a gated
    /// dataset; the refusal is then a usage error (exit 2) with this advice instead of a plain failure.
    /// </summary>
    public string? AccessHelp { get; init; }

    /// <summary>Where the bytes go until the file is complete and verified; kept between runs to resume.</summary>
    public string PartPath => Destination + ".part";
}
