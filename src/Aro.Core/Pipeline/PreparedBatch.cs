using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.Models;

namespace Aro.Core.Pipeline;

/// <summary>
/// A batch after the preparation stage: per case, where its image and captions will come from (or why it
/// fails); the images that still need encoding with their pixels in one pooled buffer; the captions that still
/// need encoding with their token ids.
/// </summary>
internal sealed class PreparedBatch
{
    public PreparedBatch(IReadOnlyList<AroCase> cases)
    {
        Cases = cases;
        Slots = new CaseSlot[cases.Count];
    }

    public IReadOnlyList<AroCase> Cases { get; }

    public CaseSlot[] Slots { get; }

    /// <summary>Keeps every embedding this batch reads in the store until the batch is released.</summary>
    public EmbeddingHold? Hold { get; init; }

    /// <summary>Images to encode, in pixel-buffer order.</summary>
    public List<EmbeddingKey> ImagesToEncode { get; } = [];

    /// <summary>CHW tensors of <see cref="ImagesToEncode"/>, back to back; rented from the pipeline's pool.</summary>
    public float[]? Pixels { get; set; }

    /// <summary>Captions to encode with their ids.</summary>
    public List<(EmbeddingKey Key, int[] Ids)> CaptionsToEncode { get; } = [];

    /// <summary>Encodings produced for this batch (images keep their ITM features here).</summary>
    public Dictionary<EmbeddingKey, Models.ImageEncoding> Images { get; } = [];

    public Dictionary<EmbeddingKey, float[]> Captions { get; } = [];

    /// <summary>The scoring view of each distinct caption (ids and embedding), built once per batch.</summary>
    public Dictionary<EmbeddingKey, TextEncoding> Texts { get; } = [];
}

/// <summary>Where one prepared case gets its inputs from, or why it cannot be scored.</summary>
internal readonly record struct CaseSlot(EmbeddingKey Image, EmbeddingKey[] Captions, int[][] CaptionIds, string? Failure)
{
    public static CaseSlot Failed(string reason) => new(default, [], [], reason);
}
