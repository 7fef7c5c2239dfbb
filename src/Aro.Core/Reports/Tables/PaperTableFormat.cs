namespace Aro.Core.Reports.Tables;

/// <summary>The forms <c>aro report --format</c> writes besides the HTML page.</summary>
public enum PaperTableFormat
{
    /// <summary>A GitHub-flavoured Markdown table.</summary>
    Markdown,

    /// <summary>A LaTeX <c>tabular</c> with booktabs rules.</summary>
    Latex,

    /// <summary>A CSV file in aro's dialect, shares with 7 decimals.</summary>
    Csv,
}

/// <summary>The names <c>--format</c> takes.</summary>
public static class PaperTableFormats
{
    public static readonly IReadOnlyList<string> Names = ["html", "md", "latex", "csv"];

    /// <summary>The table format <paramref name="name"/> names; null for <c>html</c> (the report page).</summary>
    public static PaperTableFormat? Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "html" => null,
        "md" or "markdown" => PaperTableFormat.Markdown,
        "latex" or "tex" => PaperTableFormat.Latex,
        "csv" => PaperTableFormat.Csv,
        _ => throw new AroInputException($"--format must be one of {string.Join(", ", Names)}, found '{name}'"),
    };

    /// <summary>The file the table goes to when no <c>--out</c> is given.</summary>
    public static string DefaultFile(PaperTableFormat? format) => format switch
    {
        null => "report.html",
        PaperTableFormat.Markdown => "results.md",
        PaperTableFormat.Latex => "results.tex",
        _ => "results.csv",
    };
}
