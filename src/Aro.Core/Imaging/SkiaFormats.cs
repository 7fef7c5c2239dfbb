namespace Aro.Core.Imaging;

/// <summary>
/// Recognises the formats SkiaSharp decodes by their magic bytes, so a file Skia refuses is reported as a broken
/// file of that format instead of being handed to another decoder.
/// </summary>
internal static class SkiaFormats
{
    /// <summary>JPEG, PNG, GIF, BMP or WebP when <paramref name="bytes"/> starts like one; otherwise null.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "PNG",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "GIF",
        [(byte)'B', (byte)'M', ..] => "BMP",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
        _ => null,
    };
}
