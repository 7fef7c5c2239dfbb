namespace Aro.Core.Pipeline;

/// <summary>
/// The byte bounds on the evaluation pipeline's memory; README, "Speed", states the peak they give.
/// </summary>
/// <param name="DecodeBytes">
/// Images being read or decoded at once, over every thread and batch (see <see cref="DecodeBudget"/>); 0: 1 GiB, or a
/// quarter of the memory the garbage collector may use if less (so a heap limit lowers it).
/// </param>
/// <param name="TensorBytesPerBatch">
/// A batch's pixel tensor (float32, 3 x height x width per image): a batch holds fewer cases than the batch size when
/// their tensor would be larger.
/// </param>
/// <param name="KeptFileBytesPerBatch">
/// File bytes a batch keeps in memory from reading (for the hash) to decoding; past that, files are read again when
/// decoded.
/// </param>
public sealed record PipelineMemory(long DecodeBytes = 0, long TensorBytesPerBatch = 256L << 20, long KeptFileBytesPerBatch = 64L << 20)
{
    public static PipelineMemory Default { get; } = new();

    /// <summary>Cases per batch: <paramref name="batchSize"/>, or fewer if their tensor would exceed <see cref="TensorBytesPerBatch"/>.</summary>
    public int CasesPerBatch(int batchSize, int tensorLength) =>
        (int)Math.Clamp(TensorBytesPerBatch / Math.Max(1L, tensorLength * (long)sizeof(float)), 1, Math.Max(1, batchSize));
}
