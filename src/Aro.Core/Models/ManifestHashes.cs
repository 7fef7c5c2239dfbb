using Aro.Core.IO;

namespace Aro.Core.Models;

/// <summary>
/// Compares the files of a package with the sha256 its <c>aro-model.json</c> lists (<c>provenance.sha256</c>, keyed by
/// the path inside the package), so a truncated or replaced graph is reported as such instead of as a protobuf error
/// from deep inside ONNX Runtime. The hashes are the ones <see cref="ModelFingerprint"/> computes anyway
/// (<see cref="FileHashes"/> remembers them for the process), so the check costs no second read.
/// </summary>
public static class ManifestHashes
{
    /// <summary>The option that skips the check, named in the error so people editing graphs know it.</summary>
    public const string SkipOption = "--skip-hash-check";

    /// <summary>
    /// Throws <see cref="AroInputException"/> (exit 2) naming the first package file whose sha256 differs from the
    /// manifest's; returns how many files were compared (0 when the manifest lists none).
    /// </summary>
    public static int Verify(ModelPackage package)
    {
        if (package.Manifest?.Provenance?.Sha256 is not { Count: > 0 } listed)
        {
            return 0;
        }

        var compared = 0;

        var manifest = Path.Combine(package.Directory, ModelManifest.FileName);
        foreach (var file in package.Files)
        {
            var relative = Path.GetRelativePath(package.Directory, file).Replace('\\', '/');
            if (!listed.TryGetValue(relative, out var expected))
            {
                continue;
            }

            var found = FileHashes.Sha256(file);
            if (!string.Equals(found, expected.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new AroInputException(
                    $"{file} differs from {ModelManifest.FileName}'s sha256 (expected {expected}, found {found}): the file was changed, truncated or replaced after the manifest was written. " +
                    $"Restore it (or export the package again); if you edited it on purpose, update provenance.sha256 in {manifest} or pass {SkipOption}.");
            }

            compared++;
        }

        return compared;
    }
}
