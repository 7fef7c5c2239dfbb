using System.Globalization;
using Aro.Core.Benchmarks.Winoground;
using Aro.Core.Evaluation;
using Aro.Core.Results;
using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary>
/// What <c>aro eval</c> prints after the summary for retrieval and pair-matching subsets: per retrieval subset, recall@k
/// of every perturbation beside the original with a bar of text-to-image R@1 (the paper's point at a glance: shuffled
/// words barely move it); per Winoground run, text, image and group scores per tag beside the paper's CLIP ViT-B/32.
/// </summary>
internal static class RetrievalTables
{
    private const int BarWidth = 12;

    public static void Write(CliConsole console, EvalOutcome outcome)
    {
        foreach (var table in outcome.Retrieval)
        {
            WriteRetrieval(console, table);
        }

        foreach (var table in outcome.PairScores)
        {
            WritePairs(console, table);
        }
    }

    /// <summary>One row per perturbation (the mean over seeds, <c>mean/N</c>, where there are several).</summary>
    private static void WriteRetrieval(CliConsole console, RetrievalTable retrieval)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{retrieval.Subset.Name}: recall@k per perturbation"))
            .AddColumn(new TableColumn("perturbation").NoWrap())
            .AddColumn(new TableColumn("seed").RightAligned())
            .AddColumn(new TableColumn("i2t@1").RightAligned())
            .AddColumn(new TableColumn("i2t@5").RightAligned())
            .AddColumn(new TableColumn("i2t@10").RightAligned())
            .AddColumn(new TableColumn("t2i@1").RightAligned())
            .AddColumn(new TableColumn("t2i@5").RightAligned())
            .AddColumn(new TableColumn("t2i@10").RightAligned())
            .AddColumn(new TableColumn("t2i@1").NoWrap());

        // With several seeds the mean row stands for a perturbation; a single seed's run is its own row.
        var perturbations = retrieval.Rows.Select(r => r.Perturbation).Distinct(StringComparer.Ordinal);
        foreach (var name in perturbations)
        {
            var rows = retrieval.Rows.Where(r => r.Perturbation == name).ToList();
            var row = rows.FirstOrDefault(r => r.Seed == RetrievalRow.MeanSeed) ?? rows[0];
            table.AddRow(
                Markup.Escape(name),
                Markup.Escape(row.Seed == RetrievalRow.MeanSeed ? $"mean/{rows.Count(r => r.IsRun)}" : row.Seed),
                F(row.ImageToText[0]), F(row.ImageToText[1]), F(row.ImageToText[2]),
                F(row.TextToImage[0]), F(row.TextToImage[1]), F(row.TextToImage[2]),
                Bar(row.TextToImage[0]));
        }

        console.Results.Write(table);
    }

    private static void WritePairs(CliConsole console, PairScoresTable pairs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{pairs.Subset.Name}: text, image and group scores"))
            .AddColumn(new TableColumn("group").NoWrap())
            .AddColumn(new TableColumn("count").RightAligned())
            .AddColumn(new TableColumn("text").RightAligned())
            .AddColumn(new TableColumn("image").RightAligned())
            .AddColumn(new TableColumn("group score").RightAligned());
        foreach (var row in pairs.Rows)
        {
            table.AddRow(Markup.Escape(row.Group), row.Count.ToString(CultureInfo.InvariantCulture), F(row.TextScore), F(row.ImageScore), F(row.GroupScore));
        }

        foreach (var anchor in WinogroundBenchmark.PublishedScores)
        {
            table.AddRow(Markup.Escape($"published: {anchor.Model}"), "", F(anchor.Text), F(anchor.Image), F(anchor.Group));
        }

        console.Results.Write(table);
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Bar(double share)
    {
        var filled = (int)Math.Round(Math.Clamp(share, 0, 1) * BarWidth, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('·', BarWidth - filled);
    }
}
