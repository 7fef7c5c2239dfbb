using Aro.Core.Perturbations;
using Aro.Core.Reports.Comparison;
using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary><c>aro compare</c> on a terminal: the same rows as the plain text, as a table with drops in red.</summary>
internal static class ComparisonTable
{
    public static void Write(CliConsole console, ComparisonResult result)
    {
        console.Out.WriteLine($"baseline:  {result.Baseline}");
        console.Out.WriteLine($"candidate: {result.Candidate}");
        console.Out.WriteLine($"fails on:  {result.Thresholds.Describe()}");
        console.Results.Write(Table(ComparisonText.SubsetHeader, result.Subsets.Select(ComparisonText.SubsetCells)));
        var drops = result.Groups.Where(g => g.Status == DeltaStatus.Drop).ToList();
        if (result.Groups.Count > 0)
        {
            console.Out.WriteLine($"{result.Groups.Count} included groups compared, {drops.Count} dropped beyond {ComparisonText.Value(result.Thresholds.MaxGroupDrop)}");
        }

        if (drops.Count > 0)
        {
            console.Results.Write(Table(["subset", "group", "cases", "baseline", "candidate", "delta", "status"], drops.Select(ComparisonText.GroupCells)));
        }

        foreach (var note in result.Notes)
        {
            console.Out.WriteLine($"note: {note}");
        }

        console.Results.MarkupLine(result.Passed
            ? $"[green]{Markup.Escape(ComparisonText.Verdict(result))}[/]"
            : $"[red]{Markup.Escape(ComparisonText.Verdict(result))}[/]");
    }

    private static Table Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < header.Count; i++)
        {
            var column = new TableColumn(header[i]);
            table.AddColumn(i >= 2 && i < header.Count - 1 ? column.RightAligned() : column);
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select((cell, i) => i == row.Count - 1 && cell == DeltaStatuses.Name(DeltaStatus.Drop)
                ? new Markup($"[red bold]{Markup.Escape(cell)}[/]")
                : (Spectre.Console.Rendering.IRenderable)new Text(cell))]);
        }

        return table;
    }
}
