using System.Globalization;
using Aro.Core.Evaluation;
using Aro.Core.Metrics;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary>The table <c>aro eval</c> prints at the end (stdout), and where the files went.</summary>
internal static class SummaryTable
{
    public static void Write(CliConsole console, EvalOutcome outcome)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("subset")
            .AddColumn(new TableColumn("cases").RightAligned())
            .AddColumn(new TableColumn("groups").RightAligned())
            .AddColumn(new TableColumn("micro acc").RightAligned())
            .AddColumn(new TableColumn("macro acc").RightAligned())
            .AddColumn(new TableColumn("reported").RightAligned());
        foreach (var summary in outcome.Summaries)
        {
            var record = summary.Subset.Metric.Name;
            table.AddRow(
                Markup.Escape(summary.Subset.Name),
                Format(summary.Samples),
                Format(summary.IncludedGroups) + "/" + Format(summary.Groups.Count),
                summary.MicroAccuracy.ToString("F4", CultureInfo.InvariantCulture),
                summary.MacroAccuracy.ToString("F4", CultureInfo.InvariantCulture),
                $"{record} {summary.MetricOfRecord.ToString("F4", CultureInfo.InvariantCulture)}");
        }

        console.Results.Write(table);
        var calls = outcome.Manifest.EncoderCalls;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"encoder calls: images {calls.ImagesEncoded} of {calls.ImagesRequested} ({calls.ImagesSaved} saved, {calls.ImagesFromCache} from cache), captions {calls.CaptionsEncoded} of {calls.CaptionsRequested} ({calls.CaptionsSaved} saved, {calls.CaptionsFromCache} from cache)"));
        console.Out.WriteLine($"results: {outcome.OutputDirectory}");
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
