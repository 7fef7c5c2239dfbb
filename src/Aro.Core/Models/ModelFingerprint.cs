using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aro.Core.IO;

namespace Aro.Core.Models;

/// <summary>
/// A 32-byte digest of everything an embedding depends on: the bytes of every file the package's results depend on
/// and the resolved settings — family, image transform, tokenizer, text padding — serialised whole, so a setting added
/// to any of them later is part of the key without anyone remembering to list it. Cache entries are keyed by it, so
/// editing any input makes old entries unreachable instead of wrong.
/// </summary>
public static class ModelFingerprint
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    public static byte[] Compute(ModelPackage package)
    {
        var text = new StringBuilder("aro-embeddings-v2\n");
        foreach (var file in package.Files)
        {
            text.Append(Path.GetFileName(file)).Append(' ').Append(FileHashes.Sha256(file)).Append('\n');
        }

        // File contents are hashed above; the settings are serialised without machine paths, so a package copied
        // elsewhere keeps its fingerprint.
        var settings = new
        {
            family = package.Family.Name,
            padding = package.Family.Padding.ToString(),
            transform = package.ImageTransform,
            tokenizer = package.Tokenizer with
            {
                VocabularyPath = Path.GetFileName(package.Tokenizer.VocabularyPath),
                MergesPath = package.Tokenizer.MergesPath is { } merges ? Path.GetFileName(merges) : null,
            },
        };
        text.Append(JsonSerializer.Serialize(settings, Canonical)).Append('\n');
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
