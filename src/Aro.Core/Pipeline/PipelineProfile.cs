namespace Aro.Core.Pipeline;

/// <summary>
/// What <see cref="PipelineProfiler"/> recorded: totals per stage over the whole run, and each batch's timeline.
/// Times are seconds from the profiler's creation. A stage's total adds up every thread's time in it, so the
/// preparation stages can exceed the wall time when several threads prepare at once.
/// </summary>
public sealed record PipelineProfile(double WallSeconds, IReadOnlyList<StageTotal> Stages, IReadOnlyList<BatchTimeline> Batches);

/// <summary>One stage over the run: its summed time, how many items it handled, per item, and its share of the wall time.</summary>
public sealed record StageTotal(string Stage, double Seconds, long Count, double MillisecondsPerItem, double ShareOfWall);

/// <summary>
/// One batch: its size, when its preparation started and ended, when the encoders took it and let it go, when its
/// results were written, and the span of each stage that worked on it.
/// </summary>
public sealed record BatchTimeline(
    int Batch,
    int Cases,
    int Images,
    int Captions,
    double? PrepareStarted,
    double? Prepared,
    double? EncodeStarted,
    double? Encoded,
    double? Written,
    IReadOnlyList<StageSpan> Stages);

/// <summary>A stage's work on one batch: from its first start to its last end, its summed time and item count.</summary>
public sealed record StageSpan(string Stage, double Start, double End, double Seconds, long Count);
