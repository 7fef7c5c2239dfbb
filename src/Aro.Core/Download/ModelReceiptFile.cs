using System.Text.Json.Serialization;

namespace Aro.Core.Download;

/// <summary>One file of <c>aro-download.json</c>.</summary>
/// <param name="Path">Its path in the model folder.</param>
/// <param name="Url">The catalog URL it was fetched from.</param>
/// <param name="Size">Its size.</param>
/// <param name="Sha256">Its SHA-256 as measured after the download.</param>
/// <param name="VerifiedAgainst">What the hash was checked against: <c>catalog</c>, the server's header, or <c>nothing</c>.</param>
public sealed record ModelReceiptFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("verified_against")] string VerifiedAgainst);
