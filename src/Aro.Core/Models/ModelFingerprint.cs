using System.Security.Cryptography;
using System.Text;
using Aro.Core.IO;

namespace Aro.Core.Models;

/// <summary>
/// A 32-byte digest of everything an embedding depends on: the bytes of every graph and tokenizer file, the
/// image transform and the tokenizer settings. Cache entries are keyed by it, so editing any of these makes
/// old entries unreachable instead of wrong.
/// </summary>
public static class ModelFingerprint
{
    public static byte[] Compute(ModelPackage package)
    {
        var text = new StringBuilder("aro-embeddings-v1\n");
        foreach (var file in package.Files)
        {
            text.Append(Path.GetFileName(file)).Append(' ').Append(FileHashes.Sha256(file)).Append('\n');
        }

        var t = package.ImageTransform;
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"transform {t.Resize} {t.ResizeShortestEdge} {t.Height} {t.Width} {t.CenterCrop} ")
            .AppendJoin(' ', t.Mean.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Append(' ')
            .AppendJoin(' ', t.Std.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        var k = package.Tokenizer;
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"tokenizer {k.Kind} {k.ContextLength} {k.PadId} {k.Lowercase}\n");
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
