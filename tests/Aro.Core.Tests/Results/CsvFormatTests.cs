using Aro.Core.Results;
using Xunit;

namespace Aro.Core.Tests.Results;

/// <summary>The CSV dialect quotes exactly what would otherwise change a row's fields (docs/results-format.md).</summary>
public sealed class CsvFormatTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("lone\rreturn", "\"lone\rreturn\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void A_field_is_quoted_only_when_it_must_be(string field, string written)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvFormat.CreateWriter(stream))
        {
            CsvFormat.WriteRecord(csv, field, "x");
        }

        Assert.Equal(written + ",x\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
