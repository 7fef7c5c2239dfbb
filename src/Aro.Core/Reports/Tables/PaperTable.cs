using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Reports.Tables;

/// <summary>
/// The summary across models and benchmarks in the layout papers use: a row per model (then, optionally, the
/// papers' own numbers), a column per subset's metric of record — grouped by benchmark, in its paper's order, with
/// the averages the benchmark's paper reports after its subsets — the mean ± std over seeds where a subset ran
/// with several, the best model value of each column marked, and partial runs marked.
/// </summary>
/// <param name="Columns">The columns after the model's name.</param>
/// <param name="Rows">The models' rows, then the published rows.</param>
public sealed record PaperTable(IReadOnlyList<PaperColumn> Columns, IReadOnlyList<PaperRow> Rows)
{
    /// <summary>Builds the table of <paramref name="folders"/>, one row each, labelled as the HTML report labels them.</summary>
    /// <param name="folders">The results folders, in row order.</param>
    /// <param name="withPublished">Add the published numbers of every benchmark shown, as rows below the models.</param>
    public static PaperTable Build(IReadOnlyList<ResultsFolder> folders, bool withPublished)
    {
        if (folders.Count == 0)
        {
            throw new AroInputException("aro report needs at least one results folder");
        }

        var labels = Html.ReportModels.Label(folders).Select(m => m.Label).ToList();
        var present = folders.SelectMany(f => f.Summary.Select(r => r.Subset)).Distinct(StringComparer.Ordinal).ToList();
        var columns = new List<PaperColumn>();
        var benchmarks = BenchmarkRegistry.Benchmarks.Where(b => b.Subsets.Any(s => present.Contains(s.Name))).ToList();
        foreach (var benchmark in benchmarks)
        {
            columns.AddRange(benchmark.Subsets.Where(s => present.Contains(s.Name))
                .Select(s => new PaperColumn(s.Name, s.Title, benchmark.Title, s.Metric.Name, null)));
            columns.AddRange(benchmark.Averages.Where(a => a.Subsets.All(present.Contains))
                .Select(a => new PaperColumn(a.Name, a.Title, benchmark.Title, "mean", a)));
        }

        columns.AddRange(present.Where(s => BenchmarkRegistry.BenchmarkOf(s) is null)
            .Select(s => new PaperColumn(s, s, "Other", BenchmarkRegistry.Describe(s).Metric.Name, null)));

        var rows = new List<PaperRow>();
        for (var i = 0; i < folders.Count; i++)
        {
            var folder = folders[i];
            rows.Add(new PaperRow(labels[i], Published: false, [.. columns.Select(c => ModelCell(folder, c))]));
        }

        rows = MarkBest(rows, columns.Count);
        if (withPublished)
        {
            // One row per published model: the same model's numbers from two benchmarks' papers share a row.
            var published = new List<(string Model, PaperCell?[] Cells)>();
            foreach (var anchor in benchmarks.SelectMany(b => b.Published.Rows))
            {
                var cells = columns.Select(c => (c.Average is { } average ? average.Of(anchor.For) : anchor.For(c.Key)) is { } value
                    ? new PaperCell(value, null, 1, null, false, anchor.Approximate)
                    : null).ToArray();
                if (cells.All(c => c is null))
                {
                    continue;
                }

                var index = published.FindIndex(p => p.Model == anchor.Model);
                if (index < 0)
                {
                    published.Add((anchor.Model, cells));
                    continue;
                }

                var merged = published[index].Cells;
                for (var i = 0; i < merged.Length; i++)
                {
                    merged[i] ??= cells[i];
                }
            }

            rows.AddRange(published.Select(p => new PaperRow(p.Model, Published: true, p.Cells)));
        }

        return new PaperTable(columns, rows);
    }

    /// <summary>The partial-run notes the table's marks refer to, one per distinct reason, in the order met.</summary>
    public IReadOnlyList<string> PartialNotes =>
        [.. Rows.SelectMany(r => r.Cells.Select((c, i) => c?.Partial is { } partial ? $"{r.Label}, {Columns[i].Title}: {partial}" : null)).OfType<string>()];

    private static PaperCell? ModelCell(ResultsFolder folder, PaperColumn column)
    {
        if (column.Average is { } average)
        {
            var rows = average.Subsets.Select(folder.Row).ToList();
            if (rows.Any(r => r is null))
            {
                return null;
            }

            var partial = rows.Where(r => r!.Partial is not null).Select(r => $"{r!.Subset}: {r.Partial}").ToList();
            return average.Of(s => folder.Row(s)?.MetricOfRecord) is { } mean
                ? new PaperCell(mean, null, 1, partial.Count > 0 ? string.Join("; ", partial) : null, false, false)
                : null;
        }

        if (folder.Row(column.Key) is not { } row)
        {
            return null;
        }

        var seeds = row.SeedCount ?? folder.SeedsOf(column.Key)?.Seeds.Count ?? 1;
        var std = seeds > 1 ? row.SeedStd ?? folder.SeedsOf(column.Key)?.Std(row) : null;
        return new PaperCell(row.MetricOfRecord, std, seeds, row.Partial, false, false);
    }

    /// <summary>Marks each column's highest model value (every model that reaches it, when several tie at the shown digits).</summary>
    private static List<PaperRow> MarkBest(List<PaperRow> rows, int columns)
    {
        if (rows.Count < 2)
        {
            return rows;
        }

        var best = Enumerable.Range(0, columns)
            .Select(i => rows.Select(r => r.Cells[i]?.Value).OfType<double>().Where(double.IsFinite).Select(PaperTableText.Rounded).DefaultIfEmpty(double.NaN).Max())
            .ToList();
        return [.. rows.Select(r => r with
        {
            Cells = [.. r.Cells.Select((c, i) => c is not null && double.IsFinite(c.Value) && PaperTableText.Rounded(c.Value) == best[i] ? c with { Best = true } : c)],
        })];
    }
}

/// <summary>One column: a subset's metric of record, or an average over subsets.</summary>
/// <param name="Key">The subset or average name.</param>
/// <param name="Title">The header (the subset's title, e.g. <c>VG-Relation</c>).</param>
/// <param name="Benchmark">The benchmark it belongs to, for the header row above.</param>
/// <param name="Metric">What the number is (<c>macro</c>, <c>p@1</c>, <c>acc</c>, <c>mean</c>).</param>
/// <param name="Average">The average it is, or null for a subset.</param>
public sealed record PaperColumn(string Key, string Title, string Benchmark, string Metric, SubsetAverage? Average);

/// <summary>One row: a model's, or a paper's.</summary>
/// <param name="Label">The model's label, or the published model's name.</param>
/// <param name="Published">Whether the row holds a paper's numbers.</param>
/// <param name="Cells">A cell per column; null where the row has no value.</param>
public sealed record PaperRow(string Label, bool Published, IReadOnlyList<PaperCell?> Cells);

/// <summary>One number of the table.</summary>
/// <param name="Value">The metric of record (a share; a seed mean where there are several seeds).</param>
/// <param name="Std">The sample standard deviation over seeds; null with one seed.</param>
/// <param name="Seeds">How many seeds the value is the mean of.</param>
/// <param name="Partial">Why the value does not stand for the whole official subset; null when it does.</param>
/// <param name="Best">The column's highest model value.</param>
/// <param name="Approximate">A published value the paper gives only approximately.</param>
public sealed record PaperCell(double Value, double? Std, int Seeds, string? Partial, bool Best, bool Approximate);
