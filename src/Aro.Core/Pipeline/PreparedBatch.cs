using Aro.Core.Caching;
using Aro.Core.Cases;
using Aro.Core.IO;
using Aro.Core.Models;

namespace Aro.Core.Pipeline;

/// <summary>
/// A batch after the preparation stage: per case, where its image and captions will come from (or why it
/// fails); the images that still need encoding with their pixels in one pooled buffer; the captions that still
/// need encoding with their token ids.
/// </summary>
internal sealed class PreparedBatch
{
    public PreparedBatch(int number, IReadOnlyList<AroCase> cases)
    {
        Number = number;
        Cases = cases;
        Slots = new CaseSlot[cases.Count];
    }

    /// <summary>The batch's place in the pipeline's life (0, 1, ...): the order batches are planned, encoded and written in.</summary>
    public int Number { get; }

    public IReadOnlyList<AroCase> Cases { get; }

    public CaseSlot[] Slots { get; }

    /// <summary>Keeps every embedding this batch reads in the store until the batch is released.</summary>
    public EmbeddingHold? Hold { get; init; }

    /// <summary>Refuses images outside the subset's data folders (null: no folders to keep to, or allowed).</summary>
    public DataFolderGuard? Guard { get; init; }

    /// <summary>
    /// Per case, why it is bad before anything is read (<see cref="CaseProblems"/>, then <see cref="Guard"/>, which
    /// resolves links on disk), or null. Found once per batch, by the read step outside any lock; the plan step reads
    /// the same answers.
    /// </summary>
    public IReadOnlyList<string?> Problems => _problems ??= [.. Cases.Select(c => CaseProblems.Find(c) ?? Guard?.Problem(c.ImagePath))];

    private string?[]? _problems;

    /// <summary>Images to encode, in pixel-buffer order.</summary>
    public List<EmbeddingKey> ImagesToEncode { get; } = [];

    /// <summary>CHW tensors of <see cref="ImagesToEncode"/>, back to back; rented from the pipeline's pool.</summary>
    public float[]? Pixels { get; set; }

    /// <summary>Captions to encode with their ids.</summary>
    public List<(EmbeddingKey Key, int[] Ids)> CaptionsToEncode { get; } = [];

    /// <summary>
    /// The images and captions this batch undertook to encode when it was planned (its images whose decoding then
    /// failed included), so later batches planned before it is encoded leave them to it.
    /// </summary>
    public List<EmbeddingKey> Claimed { get; } = [];

    /// <summary>Images this batch claimed that could not be decoded, with the reason.</summary>
    public Dictionary<EmbeddingKey, string> ImageFailures { get; } = [];

    /// <summary>
    /// Images an earlier batch claimed while this one was planned. If that batch could not decode one, the cases here
    /// that use it fail with the same reason when this batch is scored.
    /// </summary>
    public Dictionary<EmbeddingKey, PreparedBatch> Borrowed { get; } = [];

    /// <summary>Encodings produced for this batch (images keep their ITM features here).</summary>
    public Dictionary<EmbeddingKey, Models.ImageEncoding> Images { get; } = [];

    public Dictionary<EmbeddingKey, float[]> Captions { get; } = [];

    /// <summary>The scoring view of each distinct caption (ids and embedding), built once per batch.</summary>
    public Dictionary<EmbeddingKey, TextEncoding> Texts { get; } = [];

    private long _keptFileBytes;

    /// <summary>
    /// Whether a file of <paramref name="bytes"/> may stay in memory from reading (for its hash) to decoding: only while
    /// the batch's kept files stay within <paramref name="limit"/>; others are read again when decoded.
    /// </summary>
    public bool TryKeepFile(long bytes, long limit)
    {
        if (Interlocked.Add(ref _keptFileBytes, bytes) <= limit)
        {
            return true;
        }

        Interlocked.Add(ref _keptFileBytes, -bytes);
        return false;
    }
}

/// <summary>Where one prepared case gets its inputs from, or why it cannot be scored.</summary>
internal readonly record struct CaseSlot(EmbeddingKey Image, EmbeddingKey[] Captions, int[][] CaptionIds, string? Failure)
{
    public static CaseSlot Failed(string reason) => new(default, [], [], reason);
}
