using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aro.Core.Cases;
using Aro.Core.Evaluation;
using Aro.Core.IO;
using Aro.Core.Models;
using Aro.Core.Perturbations;

namespace Aro.Core.Checkpoints;

/// <summary>
/// A digest of everything that decides a subset run's results: aro's version, the model fingerprint and scoring,
/// the subset and its annotation files' bytes, seed, limit, shard and error policy. A checkpoint is resumed only by
/// a run with the same key, so a resumed run can never mix results of two configurations.
/// </summary>
public static class RunKey
{
    public static string Compute(byte[] fingerprint, ScoringMode scoring, ICaseReader reader, int? seed, EvalRequest request)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"aro {AroVersion.Current}\n");
        text.Append(CultureInfo.InvariantCulture, $"model {Convert.ToHexStringLower(fingerprint)} {ScoringModes.Name(scoring)}\n");
        text.Append(CultureInfo.InvariantCulture, $"subset {reader.Subset.Name}\n");
        foreach (var file in reader.SourceFiles)
        {
            text.Append(CultureInfo.InvariantCulture, $"file {Path.GetFileName(file)} {FileHashes.Sha256(file)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"seed {seed}\nlimit {request.Settings.Limit}\nshard {request.Shard}\non-error {request.Settings.OnError}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
