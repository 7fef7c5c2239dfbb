using System.Globalization;
using Aro.Core.Pipeline;

namespace Aro.Core.Bench;

/// <summary>
/// A <see cref="PipelineProfile"/> as text: the stage totals, then one line per batch showing when it was prepared,
/// how long it waited for the encoders (or they for it), when it was encoded and when written.
/// </summary>
public static class ProfileText
{
    public static IReadOnlyList<string> Lines(PipelineProfile profile)
    {
        var lines = new List<string>
        {
            Format($"stage totals over {profile.WallSeconds:F2} s of wall time (preparation stages add up every thread's time):"),
            Format($"  {"stage",-18} {"seconds",9} {"of wall",8} {"items",8} {"ms/item",9}"),
        };
        foreach (var stage in profile.Stages)
        {
            lines.Add(Format($"  {stage.Stage,-18} {stage.Seconds,9:F3} {stage.ShareOfWall,8:P1} {stage.Count,8} {stage.MillisecondsPerItem,9:F3}"));
        }

        lines.Add("per batch (seconds from the start of the run):");
        lines.Add(Format($"  {"batch",5} {"cases",5} {"images",6} {"captions",8}  {"prepared",-15} {"queued",6}  {"encoded",-15} {"written",7}  {"encoders waited",15}"));
        foreach (var batch in profile.Batches)
        {
            var queued = batch.Prepared is { } ready && batch.EncodeStarted is { } taken ? taken - ready : (double?)null;
            var idle = batch.Stages.FirstOrDefault(s => s.Stage == StageNames.Of(PipelineStage.EncoderWait))?.Seconds;
            lines.Add(Format(
                $"  {batch.Batch,5} {batch.Cases,5} {batch.Images,6} {batch.Captions,8}  {Span(batch.PrepareStarted, batch.Prepared),-15} {Number(queued),6}  {Span(batch.EncodeStarted, batch.Encoded),-15} {Number(batch.Written),7}  {Number(idle),15}"));
        }

        return lines;
    }

    private static string Span(double? start, double? end) => $"{Number(start)}-{Number(end)}";

    private static string Number(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
