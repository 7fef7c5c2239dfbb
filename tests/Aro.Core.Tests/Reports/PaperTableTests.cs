using Aro.Core.Reports.Tables;
using Aro.Core.Results;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Reports;

/// <summary>The paper table: which value is best, how seeds and partial runs show, escaping.</summary>
public sealed class PaperTableTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_best_value_of_each_column_is_bold_and_values_equal_at_the_shown_digits_tie()
    {
        new HandWrittenResults(_temp.File("a")).Summary(("relation", 100, 10, 0.5, 0.8123), ("attribution", 100, 10, 0.5, 0.60));
        new HandWrittenResults(_temp.File("b")).Summary(("relation", 100, 10, 0.5, 0.8118), ("attribution", 100, 10, 0.5, 0.70));

        var table = PaperTable.Build([ResultsFolderReader.Read(_temp.File("a")), ResultsFolderReader.Read(_temp.File("b"))], withPublished: false);
        var markdown = PaperTableText.Markdown(table);

        // 81.23 and 81.18 both show as 81.2: both are the best at the digits a reader sees.
        Assert.Contains("| a | **81.2** | 60.0 |", markdown);
        Assert.Contains("| b | **81.2** | **70.0** |", markdown);
        Assert.StartsWith("| model | VG-Relation (macro) | VG-Attribution (macro) |\n|:--|--:|--:|\n", markdown);
    }

    [Fact]
    public void Seeds_show_mean_and_std_and_a_partial_run_is_marked_with_its_reason()
    {
        new HandWrittenResults(_temp.File("m")).Write("summary.csv",
            "subset,samples,groups,micro_accuracy,macro_accuracy,skipped,model,metric,record,record_ci_low,record_ci_high,micro_ci_low,micro_ci_high,seeds,seed_std,partial\n" +
            "coco-order,30,1,0.4600000,0.4600000,0,m,p@1,0.4600000,,,,,5,0.0123000,30 of the official 25010 cases\n");

        var table = PaperTable.Build([ResultsFolderReader.Read(_temp.File("m"))], withPublished: true);

        var markdown = PaperTableText.Markdown(table);
        Assert.Contains("| m | 46.0 ± 1.2† |", markdown);
        Assert.Contains("- † m, COCO-Order: 30 of the official 25010 cases\n", markdown);
        Assert.Contains("± sample std over 5 seeds", markdown);
        Assert.Contains("(published)*", markdown);
        var latex = PaperTableText.Latex(table);
        Assert.Contains("m & 46.0 $\\pm$ 1.2$^\\dagger$ \\\\", latex);
        var csv = PaperTableText.Csv(table);
        Assert.StartsWith("model,source,coco-order,coco-order_std,coco-order_seeds,partial\nm,aro,0.4600000,0.0123000,5,coco-order: 30 of the official 25010 cases\n", csv);
    }

    [Fact]
    public void Latex_escapes_what_latex_would_read_as_syntax()
    {
        new HandWrittenResults(_temp.File("x")).Run("clip_50%&more").Summary(("relation", 100, 10, 0.5, 0.8));

        var latex = PaperTableText.Latex(PaperTable.Build([ResultsFolderReader.Read(_temp.File("x"))], withPublished: false));

        Assert.Contains("clip\\_50\\%\\&more & 80.0 \\\\", latex);
    }

    [Fact]
    public void An_unknown_format_is_an_input_error_naming_the_choices()
    {
        var error = Assert.Throws<AroInputException>(() => PaperTableFormats.Parse("docx"));
        Assert.Equal("--format must be one of html, md, latex, csv, found 'docx'", error.Message);
    }
}
