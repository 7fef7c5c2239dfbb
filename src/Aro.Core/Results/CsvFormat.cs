using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Aro.Core.Results;

/// <summary>
/// The one CSV dialect aro writes (docs/results-format.md, "The CSV dialect"): invariant culture, comma, <c>\n</c> line ends, UTF-8 without BOM,
/// fixed 7-decimal numbers, lower-case booleans. Identical inputs give identical bytes on any machine.
/// </summary>
public static class CsvFormat
{
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        Delimiter = ",",

        // CsvHelper's own rule, except that with NewLine set it would quote only "\n": a caption holding a lone
        // "\r" would come out unquoted and split the row for any reader that treats "\r" as a line end.
        ShouldQuote = args => args.Field is { Length: > 0 } field
            && (field.AsSpan().IndexOfAny("\",\r\n") >= 0 || field[0] == ' ' || field[^1] == ' '),
    };

    public static CsvWriter CreateWriter(Stream stream) =>
        new(new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true), Configuration);

    /// <summary>Writes one whole record: the fields, then the line end.</summary>
    public static void WriteRecord(CsvWriter csv, params IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }

    public static string Fixed7(double value) => value.ToString("F7", CultureInfo.InvariantCulture);

    /// <summary>A value with 7 decimals, or an empty field when there is none (no interval for a mean over seeds).</summary>
    public static string Fixed7(double? value) => value is { } v ? Fixed7(v) : "";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
