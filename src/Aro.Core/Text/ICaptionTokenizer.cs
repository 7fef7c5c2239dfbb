namespace Aro.Core.Text;

/// <summary>
/// Turns a caption into the token ids a text encoder takes, special tokens included and truncated to
/// <see cref="ContextLength"/>, without padding (batches pad to their own length).
/// </summary>
public interface ICaptionTokenizer
{
    /// <summary>The most ids one caption may have, special tokens included (77 for CLIP, 35 for BLIP).</summary>
    int ContextLength { get; }

    /// <summary>The id written after a caption's last token up to the batch length.</summary>
    int PadId { get; }

    /// <summary>The caption's ids: start token, body, end token; never longer than <see cref="ContextLength"/>.</summary>
    int[] Encode(string caption);
}
