
namespace Aro.Core.Results;

/// <summary>A file named in run.json with its SHA-256.</summary>
public sealed record HashedFile(string Path, string Sha256)
{
    public static HashedFile Of(string path) => new(System.IO.Path.GetFullPath(path), IO.FileHashes.Sha256(path));
}
