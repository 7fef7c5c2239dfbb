using System.Text;

namespace Aro.Core.Imaging;

/// <summary>
/// The maxval of a binary or plain PGM/PPM. PIL rescales samples of any maxval but 255 (rounding
/// <c>v / maxval * 255</c>; a 16-bit PGM it opens as 32-bit mode <c>I</c>, whose <c>convert("RGB")</c> clamps at
/// 255), and ImageSharp's results differ from PIL's on such files (up to 255 levels on the Pillow fixtures): aro
/// refuses them rather than give other pixels.
/// </summary>
internal static class PnmMaxval
{
    public static void Check(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 3 || bytes[0] != 'P' || bytes[1] is not ((byte)'2' or (byte)'3' or (byte)'5' or (byte)'6'))
        {
            return;
        }

        // Magic, width, height, maxval: whitespace-separated tokens, '#' comments to the end of the line.
        var tokens = new List<string>(4);
        var token = new StringBuilder();
        for (var i = 0; i < bytes.Length && i < 1024 && tokens.Count < 4; i++)
        {
            var c = (char)bytes[i];
            if (c == '#' && token.Length == 0)
            {
                while (i < bytes.Length && bytes[i] != '\n' && bytes[i] != '\r')
                {
                    i++;
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (token.Length > 0)
                {
                    tokens.Add(token.ToString());
                    token.Clear();
                }
            }
            else
            {
                token.Append(c);
            }
        }

        if (tokens.Count == 4 && int.TryParse(tokens[3], out var maxval) && maxval != 255)
        {
            var kind = bytes[1] is (byte)'2' or (byte)'5' ? "PGM" : "PPM";
            throw new ImageLoadException(name, $"is a {kind} with maxval {maxval}; aro reads maxval 255 only (PIL rescales other maxvals, which aro does not reproduce): convert it to PNG");
        }
    }
}
