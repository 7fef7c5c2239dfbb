using System.Globalization;
using System.Text;
using System.Text.Json;
using Aro.Core.Perturbations;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text;

/// <summary>
/// aro's Python-compatible text functions against CPython 3.11 itself (Unicode 14.0): the tables and strings in
/// tests/fixtures/reference/python-text were written by scripts/make_python_text_reference.py.
/// </summary>
public sealed class PythonTextTests
{
    private static readonly string Folder = RepoPaths.InRepo("tests", "fixtures", "reference", "python-text");

    [Fact]
    public void Lowers_every_code_point_as_python_does()
    {
        var python = File.ReadLines(Path.Combine(Folder, "lower.tsv"))
            .Select(line => line.Split('\t'))
            .ToDictionary(fields => Hex(fields[0]), fields => string.Concat(fields[1].Split(' ').Select(h => char.ConvertFromUtf32(Hex(h)))));
        Assert.Equal(1433, python.Count);

        var wrong = new List<string>();
        var dotnetDiffers = new List<int>();
        foreach (var cp in CodePoints())
        {
            var text = char.ConvertFromUtf32(cp);
            var expected = python.GetValueOrDefault(cp, text);
            if (PythonText.Lower(text) != expected)
            {
                wrong.Add($"U+{cp:X4}");
            }

            if (text.ToLowerInvariant() != expected)
            {
                dotnetDiffers.Add(cp);
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} code points lower differently from Python: {string.Join(' ', wrong.Take(30))}");

        // Why PythonText exists: .NET's invariant lower-casing maps one code point to one, so U+0130 (İ) stays
        // itself where Python writes "i" + U+0307.
        Assert.Contains(0x0130, dotnetDiffers);
    }

    [Fact]
    public void Lowers_and_cleans_strings_as_python_does()
    {
        // Capital sigma in every kind of context (Final_Sigma), U+0130, astral letters, and pre_caption(text, 30).
        var cases = File.ReadLines(Path.Combine(Folder, "strings.jsonl")).Select(line => JsonSerializer.Deserialize<StringCase>(line, Json)!).ToList();
        Assert.True(cases.Count > 1000, $"{cases.Count} strings");
        Assert.All(cases, c =>
        {
            Assert.Equal(c.Lower, PythonText.Lower(c.Text));
            Assert.Equal(c.Pre_caption, PreCaption.Apply(c.Text, 30));
        });
    }

    [Theory]
    [InlineData("İstanbul", "i\u0307stanbul")]
    [InlineData("ΟΔΥΣΣΕΥΣ", "οδυσσευς")]
    [InlineData("ΑΣ.", "ας.")]
    [InlineData("ΑΣΒ", "ασβ")]
    [InlineData("Σ", "σ")]
    [InlineData("A Σ word", "a σ word")]
    public void Lowers_the_special_cases(string text, string expected)
    {
        // Values from strings.jsonl (CPython 3.11's str.lower()).
        Assert.Equal(expected, PythonText.Lower(text));
    }

    [Theory]
    [InlineData("isupper")]
    [InlineData("islower")]
    [InlineData("word_letter")]
    [InlineData("decimal")]
    [InlineData("space")]
    [InlineData("cased")]
    [InlineData("case_ignorable")]
    public void Single_code_point_tests_equal_python_on_every_code_point_unicode_14_assigns(string property)
    {
        var properties = File.ReadLines(Path.Combine(Folder, "properties.tsv"))
            .Select(line => line.Split('\t'))
            .ToDictionary(fields => fields[0], fields => Ranges(fields[1]));
        var unassigned = properties["unassigned"];
        var expected = properties[property];
        Func<int, bool> actual = property switch
        {
            "isupper" => cp => PythonText.IsUpper(new Rune(cp)),
            "islower" => cp => PythonText.IsLower(new Rune(cp)),
            "word_letter" => cp => PythonText.IsWordLetter(new Rune(cp)),
            "decimal" => cp => PythonText.IsDecimal(new Rune(cp)),
            "space" => cp => cp <= 0xFFFF && PythonText.IsSpace((char)cp),
            "cased" => cp => PythonText.IsCased(new Rune(cp)),
            "case_ignorable" => cp => PythonText.IsCaseIgnorable(new Rune(cp)),
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };

        // Code points Unicode 14 leaves unassigned follow .NET's newer Unicode data (docs: PythonText remarks).
        var wrong = CodePoints().Where(cp => !InRanges(unassigned, cp) && actual(cp) != InRanges(expected, cp)).ToList();
        Assert.True(wrong.Count == 0, $"{property}: {wrong.Count} code points differ from Python: {string.Join(' ', wrong.Take(30).Select(cp => $"U+{cp:X4}"))}");
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static IEnumerable<int> CodePoints() =>
        Enumerable.Range(0, 0x110000).Where(cp => cp is < 0xD800 or > 0xDFFF);

    private static int Hex(string text) => int.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static List<(int First, int Last)> Ranges(string text) =>
        [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(range => range.Split('-')).Select(pair => (Hex(pair[0]), Hex(pair[1])))];

    private static bool InRanges(List<(int First, int Last)> ranges, int cp)
    {
        int low = 0, high = ranges.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (cp < ranges[mid].First)
            {
                high = mid - 1;
            }
            else if (cp > ranges[mid].Last)
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private sealed record StringCase(string Text, string Lower, string Pre_caption);
}
