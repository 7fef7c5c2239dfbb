using System.Diagnostics;

namespace Aro.Core.Pipeline;

/// <summary>
/// Times an evaluation's stages (<see cref="PipelineStage"/>) per batch, from every thread at once, so one run can
/// be broken into where its time went and where a stage waited (<c>aro bench --profile</c>). A pipeline without a
/// profiler records nothing: call sites take their timestamps through <see cref="Start"/>, which reads no clock
/// when the profiler is null, and record with <c>profiler?.Add(...)</c>, whose arguments are then not evaluated.
/// </summary>
public sealed class PipelineProfiler
{
    private static readonly int StageCount = Enum.GetValues<PipelineStage>().Length;
    private readonly Lock _lock = new();
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly List<BatchRecord?> _batches = [];

    /// <summary>A timestamp for a span about to start, or 0 when <paramref name="profiler"/> is null.</summary>
    public static long Start(PipelineProfiler? profiler) => profiler is null ? 0 : Stopwatch.GetTimestamp();

    /// <summary>Adds the span from <paramref name="start"/> (a <see cref="Start"/> timestamp) to now, covering <paramref name="count"/> items.</summary>
    public void Add(int batch, PipelineStage stage, long start, int count = 1) => Add(batch, stage, start, Stopwatch.GetTimestamp(), count);

    public void Add(int batch, PipelineStage stage, long start, long end, int count)
    {
        lock (_lock)
        {
            var tally = Batch(batch).Stages[(int)stage];
            tally.Ticks += end - start;
            tally.Count += count;
            tally.First = tally.First == 0 ? start : Math.Min(tally.First, start);
            tally.Last = Math.Max(tally.Last, end);
        }
    }

    /// <summary>Records how large a batch was: its cases and the images and captions it sent to the encoders.</summary>
    public void Describe(int batch, int cases, int images, int captions)
    {
        lock (_lock)
        {
            var record = Batch(batch);
            (record.Cases, record.Images, record.Captions) = (cases, images, captions);
        }
    }

    /// <summary>Records a moment of a batch's life (<paramref name="mark"/>) as now.</summary>
    public void Mark(int batch, BatchMark mark)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            Batch(batch).Marks[(int)mark] = now;
        }
    }

    /// <summary>Everything recorded so far, in seconds from the profiler's creation.</summary>
    public PipelineProfile Snapshot()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var wall = Seconds(now - _origin);
            var totals = new StageTotal[StageCount];
            var batches = new List<BatchTimeline>();
            for (var s = 0; s < StageCount; s++)
            {
                var ticks = 0L;
                var count = 0L;
                foreach (var record in _batches)
                {
                    if (record is not null)
                    {
                        ticks += record.Stages[s].Ticks;
                        count += record.Stages[s].Count;
                    }
                }

                var seconds = Seconds(ticks);
                totals[s] = new StageTotal(
                    StageNames.Of((PipelineStage)s),
                    Math.Round(seconds, 6),
                    count,
                    count == 0 ? 0 : Math.Round(seconds * 1000 / count, 4),
                    wall == 0 ? 0 : Math.Round(seconds / wall, 4));
            }

            for (var b = 0; b < _batches.Count; b++)
            {
                if (_batches[b] is not { } record)
                {
                    continue;
                }

                var spans = new List<StageSpan>();
                for (var s = 0; s < StageCount; s++)
                {
                    var tally = record.Stages[s];
                    if (tally.Count > 0 || tally.Ticks > 0)
                    {
                        spans.Add(new StageSpan(StageNames.Of((PipelineStage)s), At(tally.First), At(tally.Last), Math.Round(Seconds(tally.Ticks), 6), tally.Count));
                    }
                }

                batches.Add(new BatchTimeline(
                    b, record.Cases, record.Images, record.Captions,
                    MarkAt(record, BatchMark.PrepareStarted), MarkAt(record, BatchMark.Prepared),
                    MarkAt(record, BatchMark.EncodeStarted), MarkAt(record, BatchMark.Encoded), MarkAt(record, BatchMark.Written),
                    spans));
            }

            return new PipelineProfile(Math.Round(wall, 6), totals, batches);
        }
    }

    private BatchRecord Batch(int batch)
    {
        while (_batches.Count <= batch)
        {
            _batches.Add(null);
        }

        return _batches[batch] ??= new BatchRecord();
    }

    private double? MarkAt(BatchRecord record, BatchMark mark) => record.Marks[(int)mark] is var t and not 0 ? At(t) : null;

    private double At(long timestamp) => Math.Round(Seconds(timestamp - _origin), 6);

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private sealed class BatchRecord
    {
        public Tally[] Stages { get; } = [.. Enumerable.Range(0, StageCount).Select(_ => new Tally())];

        public long[] Marks { get; } = new long[Enum.GetValues<BatchMark>().Length];

        public int Cases { get; set; }

        public int Images { get; set; }

        public int Captions { get; set; }
    }

    private sealed class Tally
    {
        public long Ticks { get; set; }

        public long Count { get; set; }

        public long First { get; set; }

        public long Last { get; set; }
    }
}

/// <summary>Moments of a batch's life that the profile's timeline shows.</summary>
public enum BatchMark
{
    /// <summary>Its preparation began (after any wait for its turn).</summary>
    PrepareStarted,

    /// <summary>Its images were in the tensor and its captions tokenised.</summary>
    Prepared,

    /// <summary>The encoders took it.</summary>
    EncodeStarted,

    /// <summary>The encoders were done with it.</summary>
    Encoded,

    /// <summary>Its results were scored and handed to the sink.</summary>
    Written,
}

/// <summary>The names stages have in profiles (text and JSON).</summary>
public static class StageNames
{
    public static string Of(PipelineStage stage) => stage switch
    {
        PipelineStage.Read => "read",
        PipelineStage.Hash => "hash",
        PipelineStage.Decode => "decode",
        PipelineStage.Crop => "crop",
        PipelineStage.Transform => "resize+normalise",
        PipelineStage.Tokenise => "tokenise",
        PipelineStage.EncodeImages => "encode images",
        PipelineStage.EncodeCaptions => "encode captions",
        PipelineStage.Score => "score",
        PipelineStage.Write => "write",
        PipelineStage.TurnWait => "wait for turn",
        PipelineStage.BudgetWait => "wait for memory",
        PipelineStage.PlanWait => "wait for plan",
        PipelineStage.EncoderWait => "encoders wait",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
