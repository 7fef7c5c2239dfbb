using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Aro.Core.Cases;

namespace Aro.Core.Caching;

/// <summary>
/// The identity of one encoder output: a 128-bit digest of the model fingerprint and what was encoded — the
/// image's content hash and crop box, or the caption text. Equal keys mean "the encoder would give the same
/// vector", so a vector stored under a key can be reused across cases and across runs.
/// </summary>
public readonly record struct EmbeddingKey(UInt128 Value)
{
    public static EmbeddingKey ForImage(ReadOnlySpan<byte> modelFingerprint, ReadOnlySpan<byte> imageContentHash, CropBox? crop)
    {
        Span<byte> buffer = stackalloc byte[1 + 32 + 32 + 1 + 32];
        buffer[0] = (byte)'I';
        modelFingerprint.CopyTo(buffer[1..33]);
        imageContentHash.CopyTo(buffer[33..65]);
        buffer[65] = crop is null ? (byte)0 : (byte)1;
        if (crop is { } box)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[66..], box.X);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[74..], box.Y);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[82..], box.Width);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[90..], box.Height);
        }

        return Digest(buffer);
    }

    public static EmbeddingKey ForCaption(ReadOnlySpan<byte> modelFingerprint, string caption)
    {
        var text = Encoding.UTF8.GetBytes(caption);
        var buffer = new byte[1 + 32 + text.Length];
        buffer[0] = (byte)'T';
        modelFingerprint.CopyTo(buffer.AsSpan(1, 32));
        text.CopyTo(buffer, 33);
        return Digest(buffer);
    }

    private static EmbeddingKey Digest(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return new EmbeddingKey(BinaryPrimitives.ReadUInt128LittleEndian(hash));
    }
}
