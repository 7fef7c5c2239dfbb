using System.Globalization;
using System.Text;
using Aro.Core.IO;
using Aro.Core.Statistics;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// The Markdown job summary of <c>aro compare --markdown</c> (GitHub-flavoured: what GitHub's step summary and GitLab's
/// Markdown render): per comparison a heading with the verdict, what was compared, a table of subsets — cases,
/// baseline, candidate, difference with its 95% interval, McNemar's p, verdict — then gated groups and notes.
/// The same input gives the same text.
/// </summary>
public static class MarkdownSummary
{
    private static readonly string[] Header = ["subset", "metric", "cases", "baseline", "candidate", "difference [95% interval]", "McNemar p", "verdict"];

    // Left for text, right for numbers.
    private const string Alignment = "|:--|:--|--:|--:|--:|--:|--:|:--|";

    public static string Format(IReadOnlyList<MarkdownComparison> comparisons) =>
        string.Join("\n", comparisons.Select(Format));

    public static string Format(MarkdownComparison comparison)
    {
        var text = new StringBuilder();
        text.Append("### aro compare: ").Append(comparison.Passed ? "✅ OK" : "❌ FAIL").Append("\n\n")
            .Append("- baseline: ").Append(Code(comparison.Baseline)).Append('\n')
            .Append("- candidate: ").Append(Code(comparison.Candidate)).Append('\n')
            .Append("- gate: ").Append(Escape(comparison.Gate)).Append("\n\n");
        Table(text, comparison.Subsets);
        if (comparison.Groups.Count > 0)
        {
            text.Append("\n**Groups**\n\n");
            Table(text, comparison.Groups, "group");
        }

        if (comparison.Notes.Count > 0)
        {
            text.Append('\n');
            foreach (var note in comparison.Notes)
            {
                text.Append("> ").Append(Escape(note)).Append("  \n");
            }
        }

        text.Append('\n').Append(Escape(comparison.Verdict)).Append('\n');
        return text.ToString();
    }

    /// <summary>Writes <paramref name="markdown"/> to each target: anew, or appended after a blank line.</summary>
    public static void Emit(string markdown, IReadOnlyList<JobSummaryTarget> targets)
    {
        foreach (var target in targets)
        {
            if (!target.Append)
            {
                AtomicFile.Write(target.Path, stream => stream.Write(Encoding.UTF8.GetBytes(markdown)));
                continue;
            }

            try
            {
                var separator = File.Exists(target.Path) && new FileInfo(target.Path).Length > 0 ? "\n" : "";
                File.AppendAllText(target.Path, separator + markdown, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new AroInputException($"{target.Path} (${JobSummaryTargets.GitHubStepSummary}): cannot append the job summary: {e.Message}", e);
            }
        }
    }

    /// <summary>A p-value as a reader scans it: 3 decimals down to 0.001, then two significant digits.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "-",
        0 => "< 1e-300",
        >= 0.001 => p.Value.ToString("0.000", CultureInfo.InvariantCulture),
        _ => p.Value.ToString("0.0e+00", CultureInfo.InvariantCulture),
    };

    private static void Table(StringBuilder text, IReadOnlyList<MarkdownComparisonRow> rows, string first = "subset")
    {
        Row(text, [first, .. Header.Skip(1)]);
        text.Append(Alignment).Append('\n');
        foreach (var row in rows)
        {
            Row(text,
            [
                Escape(row.Name),
                Escape(row.Metric),
                row.Cases is { } cases ? cases.ToString("N0", CultureInfo.InvariantCulture) : "-",
                ComparisonText.Value(row.Baseline),
                ComparisonText.Value(row.Candidate),
                Difference(row.Difference, row.Interval),
                PValue(row.McNemarP),
                row.Failed ? "❌ **" + Escape(row.Verdict) + "**" : "✅ " + Escape(row.Verdict),
            ]);
        }
    }

    private static void Row(StringBuilder text, IReadOnlyList<string> cells) =>
        text.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");

    private static string Difference(double? difference, ConfidenceInterval? interval)
    {
        var value = ComparisonText.Signed(difference);
        return interval is { } i ? $"{value} [{ComparisonText.Signed(i.Lower)}, {ComparisonText.Signed(i.Upper)}]" : value;
    }

    /// <summary>Backslash-escapes what Markdown or a table would read as syntax, so a name shows as written.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>A code span that holds any text: fenced with more backticks than the text's longest run.</summary>
    private static string Code(string text)
    {
        var clean = text.Replace('\r', ' ').Replace('\n', ' ');
        var longest = 0;
        var run = 0;
        foreach (var c in clean)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = longest > 0 ? " " : "";
        return fence + pad + clean + pad + fence;
    }
}

/// <summary>One comparison for the job summary: what was compared, under which gate, and the rows.</summary>
/// <param name="Baseline">The baseline (a results folder or summary.csv), as the user named it.</param>
/// <param name="Candidate">The candidate.</param>
/// <param name="Gate">The thresholds in words, e.g. <c>a drop of more than 0.0100</c>.</param>
/// <param name="Passed">Whether the gate passed.</param>
/// <param name="Verdict">The closing line (<c>OK: ...</c> or <c>FAIL: ...</c>).</param>
/// <param name="Subsets">A row per subset.</param>
/// <param name="Groups">Rows for gated groups worth showing (for example those that dropped); may be empty.</param>
/// <param name="Notes">What a reader should know that is not a failure.</param>
public sealed record MarkdownComparison(
    string Baseline,
    string Candidate,
    string Gate,
    bool Passed,
    string Verdict,
    IReadOnlyList<MarkdownComparisonRow> Subsets,
    IReadOnlyList<MarkdownComparisonRow> Groups,
    IReadOnlyList<string> Notes);

/// <summary>One row of a job-summary table: a subset (or a gated group) in the baseline and the candidate.</summary>
/// <param name="Name">The subset, or <c>subset / group</c>.</param>
/// <param name="Metric">The metric compared (<c>macro</c>, <c>p@1</c>, <c>accuracy</c>).</param>
/// <param name="Cases">The cases behind the numbers (paired cases when paired); null when unknown.</param>
/// <param name="Baseline">The baseline's value; null when only the candidate has it.</param>
/// <param name="Candidate">The candidate's value; null when only the baseline has it.</param>
/// <param name="Difference">Candidate minus baseline; null unless in both.</param>
/// <param name="Interval">The difference's 95% interval; null when not computed (no paired cases).</param>
/// <param name="McNemarP">McNemar's exact p-value; null when not computed.</param>
/// <param name="Verdict">The gate's word for the row (<c>ok</c>, <c>DROP</c>, <c>added</c>, <c>removed</c>).</param>
/// <param name="Failed">Whether the row fails the gate (shown with a cross and in bold).</param>
public sealed record MarkdownComparisonRow(
    string Name,
    string Metric,
    int? Cases,
    double? Baseline,
    double? Candidate,
    double? Difference,
    ConfidenceInterval? Interval,
    double? McNemarP,
    string Verdict,
    bool Failed);
