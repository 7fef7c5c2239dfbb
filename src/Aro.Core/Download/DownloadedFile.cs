namespace Aro.Core.Download;

/// <summary>A file that arrived complete and verified.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record DownloadedFile(string Path, long Size, string Sha256);
