namespace Aro.Core.Eval;

/// <summary>How a subset is run.</summary>
/// <param name="BatchSize">Cases per encoder batch.</param>
/// <param name="Limit">Evaluate only the first N cases (null: all).</param>
/// <param name="PreprocessThreads">Threads decoding and resizing images (0: one fewer than the cores, at least 1).</param>
/// <param name="OnError">Fail at the first bad case, or skip it.</param>
/// <param name="PrefetchBatches">Prepared batches that may wait for the encoders (bounds memory).</param>
/// <param name="Overlap">
/// Prepare the next batch while the encoders run the current one (true), or take turns, each stage with every core
/// (false).
/// </param>
public sealed record EvaluationSettings(
    int BatchSize = 32,
    int? Limit = null,
    int PreprocessThreads = 0,
    ErrorPolicy OnError = ErrorPolicy.Fail,
    int PrefetchBatches = 2,
    bool Overlap = true)
{
    /// <summary>
    /// Decoding gets the cores ONNX Runtime leaves: on 2 cores one thread prepares the next batch while the
    /// encoders run the current one.
    /// </summary>
    public int EffectivePreprocessThreads =>
        PreprocessThreads > 0 ? PreprocessThreads : Overlap ? Math.Max(1, Environment.ProcessorCount - 1) : Environment.ProcessorCount;

    /// <summary>Captions per text-encoder call.</summary>
    public int TextBatchSize => Math.Max(BatchSize * 2, 8);
}
