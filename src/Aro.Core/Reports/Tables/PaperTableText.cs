using System.Globalization;
using System.Text;
using Aro.Core.Results;

namespace Aro.Core.Reports.Tables;

/// <summary>
/// Writes a <see cref="PaperTable"/> as Markdown, LaTeX or CSV. Markdown and LaTeX show accuracy in percent with one
/// decimal (what compositionality papers print), ± the sample std over seeds, the best model value of each column in
/// bold, † on partial runs with a footnote each, ~ on approximate published values; CSV keeps shares with 7 decimals.
/// The same table gives the same bytes.
/// </summary>
public static class PaperTableText
{
    /// <summary>A share as shown: percent, one decimal (also what "best" compares, so equal-looking values tie).</summary>
    public static double Rounded(double share) => Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);

    public static string Format(PaperTable table, PaperTableFormat format) => format switch
    {
        PaperTableFormat.Markdown => Markdown(table),
        PaperTableFormat.Latex => Latex(table),
        _ => Csv(table),
    };

    public static string Markdown(PaperTable table)
    {
        var text = new StringBuilder();
        text.Append("| model |");
        foreach (var column in table.Columns)
        {
            text.Append(' ').Append(MarkdownEscape($"{column.Title} ({column.Metric})")).Append(" |");
        }

        text.Append("\n|:--|").Append(string.Concat(table.Columns.Select(_ => "--:|"))).Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append("| ").Append(row.Published ? "*" + MarkdownEscape(row.Label) + " (published)*" : MarkdownEscape(row.Label)).Append(" |");
            foreach (var cell in row.Cells)
            {
                text.Append(' ').Append(cell is null ? "–" : Number(cell, bold: v => $"**{v}**", dagger: "†", pm: " ± ")).Append(" |");
            }

            text.Append('\n');
        }

        text.Append('\n').Append(Legend(table)).Append('\n');
        if (table.PartialNotes.Count > 0)
        {
            text.Append('\n');
            foreach (var note in table.PartialNotes)
            {
                text.Append("- † ").Append(MarkdownEscape(note)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Latex(PaperTable table)
    {
        var text = new StringBuilder();
        text.Append("% ").Append(Legend(table)).Append('\n')
            .Append("% Written by aro ").Append(AroVersion.Current).Append(" (aro report --format latex); needs \\usepackage{booktabs}.\n")
            .Append("\\begin{tabular}{l");
        foreach (var group in Groups(table))
        {
            text.Append(' ').Append(new string('r', group.Count));
        }

        text.Append("}\n\\toprule\n");
        var start = 2;
        var rules = new List<string>();
        foreach (var group in Groups(table))
        {
            text.Append(" & \\multicolumn{").Append(Int(group.Count)).Append("}{c}{").Append(LatexEscape(group.Benchmark)).Append('}');
            rules.Add($"\\cmidrule(lr){{{Int(start)}-{Int(start + group.Count - 1)}}}");
            start += group.Count;
        }

        text.Append(" \\\\\n").Append(string.Join(" ", rules)).Append('\n').Append("Model");
        foreach (var column in table.Columns)
        {
            text.Append(" & ").Append(LatexEscape(column.Title.StartsWith(column.Benchmark + " ", StringComparison.Ordinal) ? column.Title[(column.Benchmark.Length + 1)..] : column.Title));
        }

        text.Append(" \\\\\n\\midrule\n");
        var publishedStarted = false;
        foreach (var row in table.Rows)
        {
            if (row.Published && !publishedStarted)
            {
                text.Append("\\midrule\n");
                publishedStarted = true;
            }

            text.Append(LatexEscape(row.Published ? row.Label + " (published)" : row.Label));
            foreach (var cell in row.Cells)
            {
                text.Append(" & ").Append(cell is null ? "--" : Number(cell, bold: v => $"\\textbf{{{v}}}", dagger: "$^\\dagger$", pm: " $\\pm$ ", tilde: "$\\sim$"));
            }

            text.Append(" \\\\\n");
        }

        text.Append("\\bottomrule\n\\end{tabular}\n");
        foreach (var note in table.PartialNotes)
        {
            text.Append("% † ").Append(note.Replace('\n', ' ')).Append('\n');
        }

        return text.ToString();
    }

    public static string Csv(PaperTable table)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvFormat.CreateWriter(stream))
        {
            CsvFormat.WriteRecord(csv, ["model", "source", .. table.Columns.SelectMany(c => new[] { c.Key, c.Key + "_std", c.Key + "_seeds" }), "partial"]);
            foreach (var row in table.Rows)
            {
                var fields = new List<string> { row.Label, row.Published ? "published" : "aro" };
                foreach (var cell in row.Cells)
                {
                    fields.Add(cell is null ? "" : CsvFormat.Fixed7(cell.Value));
                    fields.Add(cell?.Std is { } std ? CsvFormat.Fixed7(std) : "");
                    fields.Add(cell is null || row.Published ? "" : Int(cell.Seeds));
                }

                fields.Add(string.Join("; ", row.Cells.Select((c, i) => c?.Partial is { } p ? $"{table.Columns[i].Key}: {p}" : null).OfType<string>()));
                CsvFormat.WriteRecord(csv, fields);
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Legend(PaperTable table)
    {
        var seeds = table.Rows.SelectMany(r => r.Cells).Where(c => c is { Seeds: > 1 }).Select(c => c!.Seeds).Distinct().Order().ToList();
        var legend = "Accuracy in %, each column's metric of record; bold: the best model in the column";
        if (seeds.Count > 0)
        {
            legend += $"; ± sample std over {string.Join(" or ", seeds.Select(Int))} seeds";
        }

        if (table.Rows.Any(r => r.Published))
        {
            legend += "; published rows as their papers give them (~ approximate)";
        }

        return legend + (table.PartialNotes.Count > 0 ? "; † not the whole official subset (below)." : ".");
    }

    private static string Number(PaperCell cell, Func<string, string> bold, string dagger, string pm, string tilde = "~")
    {
        var value = Rounded(cell.Value).ToString("0.0", CultureInfo.InvariantCulture);
        var text = cell.Best ? bold(value) : value;
        if (cell.Approximate)
        {
            text = tilde + text;
        }

        if (cell.Std is { } std)
        {
            text += pm + Rounded(std).ToString("0.0", CultureInfo.InvariantCulture);
        }

        return cell.Partial is null ? text : text + dagger;
    }

    private static List<(string Benchmark, int Count)> Groups(PaperTable table)
    {
        var groups = new List<(string Benchmark, int Count)>();
        foreach (var column in table.Columns)
        {
            var name = ShortBenchmark(column.Benchmark);
            if (groups.Count > 0 && groups[^1].Benchmark == name)
            {
                groups[^1] = (name, groups[^1].Count + 1);
            }
            else
            {
                groups.Add((name, 1));
            }
        }

        return groups;
    }

    /// <summary>"ARO (Yuksekgonul et al., ICLR 2023)" → "ARO": the citation belongs in the caption.</summary>
    private static string ShortBenchmark(string title) => title.IndexOf(" (", StringComparison.Ordinal) is > 0 and var i ? title[..i] : title;

    private static string MarkdownEscape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }

    private static string LatexEscape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
