namespace Aro.Core.Imaging;

/// <summary>
/// torchvision's <c>ToTensor()</c> then <c>Normalize(mean, std)</c>: byte / 255 in float32, minus mean, divided
/// by std, written channel-major (CHW). The float32 expression is the reference's; it is evaluated once per
/// possible byte value into a table per channel, which gives the same bits as evaluating it per pixel.
/// </summary>
public static class ChwNormalizer
{
    public static void Write(RgbPixels pixels, IReadOnlyList<float> mean, IReadOnlyList<float> std, Span<float> destination)
    {
        var plane = pixels.Width * pixels.Height;
        if (destination.Length < plane * 3)
        {
            throw new ArgumentException($"destination holds {destination.Length} floats, need {plane * 3}", nameof(destination));
        }

        Span<float> table = stackalloc float[256];
        var data = pixels.Data;
        for (var c = 0; c < 3; c++)
        {
            var m = mean[c];
            var s = std[c];
            for (var v = 0; v < 256; v++)
            {
                table[v] = ((v / 255f) - m) / s;
            }

            var channel = destination.Slice(c * plane, plane);
            for (int i = 0, p = c; i < plane; i++, p += 3)
            {
                channel[i] = table[data[p]];
            }
        }
    }
}
