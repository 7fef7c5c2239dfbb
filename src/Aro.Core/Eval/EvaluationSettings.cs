namespace Aro.Core.Eval;

/// <summary>How a subset is run.</summary>
/// <param name="BatchSize">Cases per encoder batch.</param>
/// <param name="Limit">Evaluate only the first N cases (null: all).</param>
/// <param name="PreprocessThreads">Threads decoding and resizing images (0: one per core).</param>
public sealed record EvaluationSettings(int BatchSize = 32, int? Limit = null, int PreprocessThreads = 0)
{
    public int EffectivePreprocessThreads => PreprocessThreads > 0 ? PreprocessThreads : Environment.ProcessorCount;
}
