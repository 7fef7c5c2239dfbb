using System.Globalization;
using System.Text;

namespace Aro.Core.Reports.Html;

/// <summary>
/// Escaping and number formats of the HTML report. Every string that comes from a file (model names, group
/// names, paths) goes through <see cref="Escape"/>; numbers use the invariant culture so the bytes never depend on
/// the machine.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes text for element content and quoted attribute values; control characters become U+FFFD.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' => c.ToString(),
                _ when char.IsControl(c) => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>An accuracy or share as the report prints it: 3 decimals.</summary>
    public static string Share(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>A value as a data attribute holds it: 7 decimals, as in the CSVs.</summary>
    public static string Data(double value) => value.ToString("F7", CultureInfo.InvariantCulture);

    /// <summary>An SVG coordinate: at most 2 decimals.</summary>
    public static string Coord(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
