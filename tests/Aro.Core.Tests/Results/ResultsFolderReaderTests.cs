using Aro.Core.Reports.Html;
using Aro.Core.Metrics;
using Aro.Core.Models;
using Aro.Core.Results;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Results;

/// <summary>Reading results folders back: what is accepted, and errors that name the file, the line and the field.</summary>
public sealed class ResultsFolderReaderTests
{
    private const string Header = "subset,samples,groups,micro_accuracy,macro_accuracy,skipped";

    [Theory]
    [InlineData("relation,24,3,0.625,abc,0", "line 3: field 'macro_accuracy' 'abc' is not a number")]
    [InlineData("relation,24,3,0.625,1.5,0", "line 3: field 'macro_accuracy' 1.5 is not between 0 and 1")]
    [InlineData("relation,24,3,0.625,NaN,0", "line 3: field 'macro_accuracy' 'NaN' is not a number")]
    [InlineData("relation,-4,3,0.625,0.5,0", "line 3: field 'samples' '-4' is not a non-negative integer")]
    [InlineData("relation,24,3,0.625,0.5", "line 3: 5 fields, but the header has 6")]
    [InlineData(",24,3,0.625,0.5,0", "line 3: field 'subset' is empty")]
    [InlineData("attribution,24,3,0.625,0.5,0", "line 3: field 'subset' 'attribution' already appears on line 2")]
    [InlineData("relation,24,3,\"0.6\"25\",0.5,0", "line 3: malformed CSV")]
    public void Malformed_summary_names_file_line_and_field(string secondRow, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("summary.csv", $"{Header}\nattribution,30,1,0.2666667,0.1600000,0\n{secondRow}\n");

        var error = Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.Path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_column_and_empty_file_are_input_errors()
    {
        using var temp = new TempDirectory();
        temp.Write("a/summary.csv", "subset,samples,groups,micro_accuracy\nrelation,1,1,0.5\n");
        temp.Write("b/summary.csv", "");

        Assert.Contains("line 1: missing column 'macro_accuracy'", Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.File("a"))).Message);
        Assert.Contains("empty file", Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.File("b"))).Message);
        Assert.Contains("no such results folder", Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.File("c"))).Message);
        Directory.CreateDirectory(temp.File("d"));
        Assert.Contains("is not a results folder: it has no summary.csv", Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.File("d"))).Message);
    }

    [Fact]
    public void Summary_without_the_skipped_column_reads_as_nothing_skipped_and_a_file_path_works_like_its_folder()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("summary.csv", "subset,samples,groups,micro_accuracy,macro_accuracy\ncoco-order,20,1,0.2500000,0.2500000\nmine,5,2,0.4,0.6\n");

        var folder = ResultsFolderReader.Read(path);

        Assert.Equal(temp.Path, folder.Directory);
        Assert.Equal(new SummaryRow("coco-order", 20, 1, 0.25, 0.25, 0), folder.Summary[0]);
        Assert.Equal("p@1", folder.Summary[0].MetricName);
        Assert.Equal(0.6, folder.Summary[1].MetricOfRecord);
        Assert.Equal("macro", folder.Summary[1].MetricName);
        Assert.Null(folder.Provenance);
        Assert.Equal(Path.GetFileName(temp.Path), folder.ModelName);
    }

    [Fact]
    public void Per_seed_group_and_perturbation_tables_are_found_in_seed_order()
    {
        using var temp = new TempDirectory();
        var results = new HandWrittenResults(temp.Path).Summary(("coco-order", 10, 1, 0.3, 0.3));
        foreach (var seed in new[] { 10, 2, 1 })
        {
            results.Groups($"coco-order.seed-{seed}", ("coco-order", 10, seed / 100.0, true));
            temp.Write($"coco-order.seed-{seed}.perturbations.csv",
                "perturbation,wins_when_wrong,wrong_cases,wins_share,identical,cases,identical_share\nshuffle_trigrams,3,6,0.5000000,0,10,0.0000000\n");
        }

        temp.Write("coco-order.seed-x.groups.csv", "not,a,table\n");

        var folder = ResultsFolderReader.Read(temp.Path);

        Assert.Equal([1, 2, 10], folder.TablesOf("coco-order").Select(t => t.Seed));
        Assert.All(folder.TablesOf("coco-order"), t => Assert.Single(t.Groups));
        Assert.Equal([1, 2, 10], folder.DiagnosticsOf("coco-order").Select(t => t.Seed));
        var diagnostics = PerturbationDiagnostics.From(folder.DiagnosticsOf("coco-order"));
        Assert.Equal(new PerturbationDiagnostic("shuffle_trigrams", 9, 0.5, 0, 0, 3), Assert.Single(diagnostics));
    }

    [Fact]
    public void Malformed_groups_table_names_its_file()
    {
        using var temp = new TempDirectory();
        new HandWrittenResults(temp.Path).Summary(("relation", 10, 1, 0.3, 0.3));
        var path = temp.Write("relation.groups.csv", "group,count,accuracy,included\non,3,0.5,yes\n");

        var error = Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.Path));

        Assert.Equal($"{path}: line 2: field 'included' 'yes' is not true or false", error.Message);
        Assert.Empty(ResultsFolderReader.Read(temp.Path, withGroups: false).GroupTables);
    }

    [Fact]
    public void Run_json_is_read_tolerantly_but_malformed_json_and_wrong_types_are_errors()
    {
        using var temp = new TempDirectory();
        var results = new HandWrittenResults(temp.Path).Summary(("relation", 10, 1, 0.3, 0.3)).Run("negclip", "clip");

        var provenance = ResultsFolderReader.Read(temp.Path).Provenance!;
        Assert.Equal(("negclip", "clip", "itc", 32), (provenance.ModelName, provenance.ModelFamily, provenance.ModelScoring, provenance.BatchSize));
        Assert.Equal("2025-01-02T03:04:05Z", provenance.StartedUtc);
        Assert.Single(provenance.ModelFiles);

        results.Write("run.json", """{"model": {"name": 7}}""");
        Assert.EndsWith("run.json: field 'model.name' must be a string, found number",
            Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.Path)).Message, StringComparison.Ordinal);
        results.Write("run.json", "{\"model\": ");
        Assert.Contains("run.json: line 1: malformed JSON", Assert.Throws<AroInputException>(() => ResultsFolderReader.Read(temp.Path)).Message);
        results.Write("run.json", "{}");
        Assert.Null(ResultsFolderReader.Read(temp.Path).Provenance!.ModelName);
    }
}
