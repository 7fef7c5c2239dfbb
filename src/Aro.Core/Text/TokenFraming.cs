namespace Aro.Core.Text;

/// <summary>
/// <c>[start] + body[..contextLength-2] + [end]</c>: both CLIP (SOT/EOT) and BERT ([CLS]/[SEP]) truncate the body so
/// the end token always stays last, which the library's own max-token-count path does not guarantee.
/// </summary>
internal static class TokenFraming
{
    public static int[] Frame(int start, IReadOnlyList<int> body, int end, int contextLength)
    {
        var length = Math.Min(body.Count, contextLength - 2);
        var ids = new int[length + 2];
        ids[0] = start;
        for (var i = 0; i < length; i++)
        {
            ids[i + 1] = body[i];
        }

        ids[^1] = end;
        return ids;
    }
}
