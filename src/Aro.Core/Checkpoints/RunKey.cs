using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aro.Core.Cases;
using Aro.Core.IO;
using Aro.Core.Models;
using Aro.Core.Pipeline;

namespace Aro.Core.Checkpoints;

/// <summary>
/// A digest of everything that decides a subset run's results: aro's version, the model fingerprint and scoring,
/// the subset and its annotation files' bytes, seed, limit, shard, error policy and whether images outside the data
/// folder are read. A checkpoint is resumed only by
/// a run with the same key, so a resumed run can never mix results of two configurations.
/// </summary>
public static class RunKey
{
    public static string Compute(byte[] fingerprint, ScoringMode scoring, string subset, IReadOnlyList<string> sourceFiles, int? seed,
        int? limit, Shard? shard, ErrorPolicy onError, bool allowOutsideData = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"aro {AroVersion.Current}\n");
        text.Append(CultureInfo.InvariantCulture, $"model {Convert.ToHexStringLower(fingerprint)} {ScoringModes.Name(scoring)}\n");
        text.Append(CultureInfo.InvariantCulture, $"subset {subset}\n");
        foreach (var file in sourceFiles)
        {
            text.Append(CultureInfo.InvariantCulture, $"file {Path.GetFileName(file)} {FileHashes.Sha256(file)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"seed {seed}\nlimit {limit}\nshard {shard}\non-error {onError}\n");
        if (allowOutsideData)
        {
            // Only when set, so that the keys of ordinary runs (and their checkpoints) stay as they were.
            text.Append("allow-outside-data\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
