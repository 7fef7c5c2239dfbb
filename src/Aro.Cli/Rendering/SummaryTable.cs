using System.Globalization;
using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary>The table <c>aro eval</c> prints at the end (stdout), and where the files went.</summary>
internal static class SummaryTable
{
    public static void Write(CliConsole console, EvalOutcome outcome)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("subset").NoWrap())
            .AddColumn(new TableColumn("cases").RightAligned())
            .AddColumn(new TableColumn("groups").RightAligned())
            .AddColumn(new TableColumn("micro acc").RightAligned())
            .AddColumn(new TableColumn("macro acc").RightAligned())
            .AddColumn(new TableColumn("reported").RightAligned())
            .AddColumn(new TableColumn("95% interval / seeds").RightAligned());
        foreach (var summary in outcome.Summaries)
        {
            var record = summary.Subset.Metric.Name;
            table.AddRow(
                Markup.Escape(summary.Subset.Name + (summary.Partial is null ? "" : " *")),
                Format(summary.Samples),
                Format(summary.IncludedGroups) + "/" + Format(summary.Groups.Count),
                summary.MicroAccuracy.ToString("F4", CultureInfo.InvariantCulture),
                summary.MacroAccuracy.ToString("F4", CultureInfo.InvariantCulture),
                $"{record} {summary.MetricOfRecord.ToString("F4", CultureInfo.InvariantCulture)}",
                Markup.Escape(SummaryText.Spread(summary)));
        }

        // The averages a benchmark's paper reports over several subsets (SugarCrepe's replace, swap, add), where every
        // member subset was evaluated: the unweighted mean of their metric of record.
        foreach (var benchmark in BenchmarkRegistry.Benchmarks)
        {
            foreach (var average in benchmark.Averages)
            {
                var members = average.Subsets.Select(name => outcome.Summaries.FirstOrDefault(s => s.Subset.Name == name)).ToList();
                if (members.Any(m => m is null) || average.Of(name => members.First(m => m!.Subset.Name == name)!.MetricOfRecord) is not { } value)
                {
                    continue;
                }

                table.AddRow(
                    Markup.Escape($"{benchmark.Name} {average.Name} (mean)"),
                    Format(members.Sum(m => m!.Samples)),
                    "",
                    "",
                    "",
                    $"{members[0]!.Subset.Metric.Name} {value.ToString("F4", CultureInfo.InvariantCulture)}",
                    "");
            }
        }

        console.Results.Write(table);
        var partial = outcome.Summaries.Where(s => s.Partial is not null).ToList();
        if (partial.Count > 0)
        {
            console.Out.WriteLine("* partial: these numbers do not stand for the whole official subset, so they are not comparable with published ones:");
            foreach (var summary in partial)
            {
                console.Out.WriteLine($"  {summary.Subset.Name}: {summary.Partial}");
            }
        }

        var calls = outcome.Manifest.EncoderCalls;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"encoder calls: images {calls.ImagesEncoded} of {calls.ImagesRequested} ({calls.ImagesSaved} saved, {calls.ImagesFromCache} from cache), captions {calls.CaptionsEncoded} of {calls.CaptionsRequested} ({calls.CaptionsSaved} saved, {calls.CaptionsFromCache} from cache)"));
        console.Out.WriteLine($"results: {outcome.OutputDirectory}");
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
