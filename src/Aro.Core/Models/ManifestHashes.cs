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
    /// Throws <see cref="AroInputException"/> (exit 2) naming the first listed file whose sha256 differs from the
    /// manifest's; returns how many files were compared (0 when the manifest lists none). Run before the package is
    /// loaded (loading reads the graphs, so a truncated one would fail there first): every file the manifest lists that
    /// exists in <paramref name="directory"/> is compared; a listed path outside the package is refused.
    /// </summary>
    public static int Verify(string directory)
    {
        var dir = Path.GetFullPath(directory);
        if (!Directory.Exists(dir) || ModelPackageLoader.ReadManifest(dir)?.Provenance?.Sha256 is not { Count: > 0 } listed)
        {
            return 0;
        }

        var manifest = Path.Combine(dir, ModelManifest.FileName);
        var compared = 0;
        foreach (var (relative, expected) in listed.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var file = Path.GetFullPath(Path.Combine(dir, relative));
            if (!file.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new AroInputException($"{manifest}: field 'provenance.sha256' names '{relative}', which is not a file inside the package");
            }

            if (File.Exists(file))
            {
                Compare(file, expected, manifest);
                compared++;
            }
        }

        return compared;
    }

    private static void Compare(string file, string expected, string manifest)
    {
        var found = FileHashes.Sha256(file);
        if (!string.Equals(found, expected.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new AroInputException(
                $"{file} differs from {ModelManifest.FileName}'s sha256 (expected {expected}, found {found}): the file was changed, truncated or replaced after the manifest was written. " +
                $"Restore it (or export the package again); if you edited it on purpose, update provenance.sha256 in {manifest} or pass {SkipOption}.");
        }
    }
}
