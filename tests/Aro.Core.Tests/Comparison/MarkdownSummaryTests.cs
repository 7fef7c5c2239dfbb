using Aro.Core.Reports.Comparison;
using Aro.Core.Statistics;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Comparison;

public sealed class MarkdownSummaryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static MarkdownComparison Sample() => new(
        "results/main",
        "results/pr",
        "a drop of more than 0.0100",
        Passed: false,
        "FAIL: 1 drop(s) beyond the threshold in 2 subsets",
        [
            new("relation", "macro", 23937, 0.7955, 0.7348, -0.0607, new ConfidenceInterval(-0.07123, -0.05011), 2.6e-10, "DROP", true),
            new("attribution", "macro", 28748, 0.6210, 0.6222, 0.0012, new ConfidenceInterval(-0.0031, 0.00549), 0.21875, "ok", false),
            new("flickr-order", "p@1", null, 0.5, null, null, null, null, "removed", false),
        ],
        [new("relation / on|under", "accuracy", 40, 0.8, 0.6, -0.2, null, 0.0, "DROP", true)],
        ["relation: the candidate skipped 2 case(s), the baseline 0"]);

    [Fact]
    public void Writes_a_heading_the_runs_and_a_table_per_comparison()
    {
        const string expected =
            "### aro compare: ❌ FAIL\n" +
            "\n" +
            "- baseline: `results/main`\n" +
            "- candidate: `results/pr`\n" +
            "- gate: a drop of more than 0.0100\n" +
            "\n" +
            "| subset | metric | cases | baseline | candidate | difference [95% interval] | McNemar p | verdict |\n" +
            "|:--|:--|--:|--:|--:|--:|--:|:--|\n" +
            "| relation | macro | 23,937 | 0.7955 | 0.7348 | -0.0607 [-0.0712, -0.0501] | 2.6e-10 | ❌ **DROP** |\n" +
            "| attribution | macro | 28,748 | 0.6210 | 0.6222 | +0.0012 [-0.0031, +0.0055] | 0.219 | ✅ ok |\n" +
            "| flickr-order | p@1 | - | 0.5000 | - | - | - | ✅ removed |\n" +
            "\n" +
            "**Groups**\n" +
            "\n" +
            "| group | metric | cases | baseline | candidate | difference [95% interval] | McNemar p | verdict |\n" +
            "|:--|:--|--:|--:|--:|--:|--:|:--|\n" +
            "| relation / on\\|under | accuracy | 40 | 0.8000 | 0.6000 | -0.2000 | < 1e-300 | ❌ **DROP** |\n" +
            "\n" +
            "> relation: the candidate skipped 2 case(s), the baseline 0  \n" +
            "\n" +
            "FAIL: 1 drop(s) beyond the threshold in 2 subsets\n";
        Assert.Equal(expected, MarkdownSummary.Format(Sample()));
    }

    [Fact]
    public void Every_table_row_has_as_many_cells_as_the_header()
    {
        var lines = MarkdownSummary.Format([Sample(), Sample() with { Passed = true }]).Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.NotEmpty(lines);

        // Cells are separated by pipes that are not backslash-escaped.
        Assert.All(lines, line => Assert.Equal(9, Enumerable.Range(0, line.Length).Count(i => line[i] == '|' && (i == 0 || line[i - 1] != '\\'))));
    }

    [Theory]
    [InlineData(1.0, "1.000")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.00099, "9.9e-04")]
    [InlineData(1.2345e-120, "1.2e-120")]
    public void P_values_read_at_a_glance(double p, string expected) => Assert.Equal(expected, MarkdownSummary.PValue(p));

    [Fact]
    public void Names_with_markdown_syntax_show_as_written()
    {
        var comparison = Sample() with
        {
            Baseline = "odd`name",
            Subsets = [new("*bold* _x_ <b> [a](b) & #1", "macro", 1, 1, 1, 0, null, null, "ok", false)],
            Groups = [],
            Notes = [],
        };
        var text = MarkdownSummary.Format(comparison);
        Assert.Contains("- baseline: `` odd`name ``\n", text);
        Assert.Contains("| \\*bold\\* \\_x\\_ \\<b\\> \\[a\\](b) &amp; \\#1 |", text);
    }

    [Fact]
    public void Step_summary_is_appended_to_when_github_names_one()
    {
        var file = _temp.File("summary.md");
        var step = _temp.File("step.md");

        Assert.Empty(JobSummaryTargets.Resolve(null, new Dictionary<string, string?>()));
        Assert.Equal([new JobSummaryTarget(file, false)], JobSummaryTargets.Resolve(file, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = "" }));
        Assert.Equal([new JobSummaryTarget(step, true)], JobSummaryTargets.Resolve(null, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = step }));
        Assert.Equal(
            [new JobSummaryTarget(file, false), new JobSummaryTarget(step, true)],
            JobSummaryTargets.Resolve(file, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = step }));
        Assert.Equal([new JobSummaryTarget(step, true)], JobSummaryTargets.Resolve(step, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = step }));
    }

    [Fact]
    public void Emit_writes_the_file_anew_and_appends_to_the_step_summary()
    {
        var file = _temp.Write("summary.md", "old content\n");
        var step = _temp.Write("step.md", "## an earlier command's summary\n");
        var targets = JobSummaryTargets.Resolve(file, new Dictionary<string, string?> { ["GITHUB_STEP_SUMMARY"] = step });

        MarkdownSummary.Emit("### new\n", targets);
        MarkdownSummary.Emit("### again\n", targets);

        Assert.Equal("### again\n", File.ReadAllText(file));
        Assert.Equal("## an earlier command's summary\n\n### new\n\n### again\n", File.ReadAllText(step));
    }

    [Fact]
    public void A_step_summary_that_cannot_be_written_is_an_input_error_naming_it()
    {
        var missing = _temp.File("no-such-folder", "step.md");
        var error = Assert.Throws<AroInputException>(() => MarkdownSummary.Emit("x", [new JobSummaryTarget(missing, true)]));
        Assert.Contains(missing, error.Message);
        Assert.Contains("$GITHUB_STEP_SUMMARY", error.Message);
    }
}
