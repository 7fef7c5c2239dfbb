using Aro.TestSupport;
using Aro.Core.Text.Pos;
using Aro.Tagging.Training;
using Xunit;

namespace Aro.Core.Tests.Text.Pos;

public sealed class ConlluReaderTests
{
    private const string Sample =
        "# sent_id = 1\n" +
        "# text = I don't know.\n" +
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n" +
        "4.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n" +
        "\n" +
        "# sent_id = 2\n" +
        "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    [Fact]
    public void Reads_syntactic_words_and_skips_ranges_and_empty_nodes()
    {
        using var folder = new TempDirectory();
        var sentences = ConlluReader.ReadAll(folder.Write("sample.conllu", Sample));

        Assert.Equal(2, sentences.Count);
        Assert.Equal(["I", "do", "n't", "know", "."], sentences[0].Words);
        Assert.Equal(
            [new PosTag("PRON", "PRP"), new PosTag("AUX", "VBP"), new PosTag("PART", "RB"), new PosTag("VERB", "VB"), new PosTag("PUNCT", ".")],
            sentences[0].Tags);
        Assert.Equal(["Hello"], sentences[1].Words);
        Assert.Equal([new PosTag("INTJ", "UH")], sentences[1].Tags);
    }

    [Fact]
    public void A_short_line_is_an_error_naming_file_and_line()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("bad.conllu", "# c\n1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n2\tbroken\tline\n");
        var error = Assert.Throws<AroInputException>(() => ConlluReader.ReadAll(path));
        Assert.Equal("bad.conllu: line 3: expected 10 tab-separated fields, found 3", error.Message);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        Assert.Throws<AroInputException>(() => ConlluReader.ReadAll("/nonexistent/file.conllu"));
    }
}
