using System.Xml.Linq;
using Aro.Core.Reports.Comparison;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Comparison;

/// <summary>
/// <c>aro compare --junit</c>'s writer: the file validates with libxml2's xmllint against tests/fixtures/junit/junit.xsd
/// (our description of the JUnit format CI systems read), and says what the model said.
/// </summary>
public sealed class JUnitReportTests : IDisposable
{
    private static readonly string Schema = RepoPaths.InRepo("tests", "fixtures", "junit", "junit.xsd");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IReadOnlyList<JUnitTestSuite> Sample() =>
    [
        new JUnitTestSuite(
            "aro compare results/main results/pr",
            [
                new JUnitTestCase("relation", "aro.compare.relation", JUnitOutcome.Failed,
                    "macro accuracy dropped by 0.0606 (0.7955 -> 0.7348), 95% interval [-0.0712, -0.0501], McNemar p = 2.6e-10; allowed: 0.0100",
                    "23937 paired cases\nonly the baseline right: 1204\nonly the candidate right: 812", 0.25),
                new JUnitTestCase("attribution", "aro.compare.attribution", JUnitOutcome.Passed, "macro accuracy +0.0012 (0.6210 -> 0.6222)"),
                new JUnitTestCase("relation / on <top> & \"under\"", "aro.compare.relation.groups", JUnitOutcome.Failed, "accuracy dropped by 0.2000 (0.8000 -> 0.6000)"),
                new JUnitTestCase("flickr-order", "aro.compare.flickr-order", JUnitOutcome.Skipped, "only in the baseline"),
                new JUnitTestCase("coco-order", "aro.compare.coco-order", JUnitOutcome.Error, "coco-order.predictions.csv: file not found", "bell \u0007 here"),
            ],
            new DateTimeOffset(2025, 1, 31, 13, 4, 5, TimeSpan.FromHours(1)),
            1.5,
            [new("max_drop", "0.01"), new("baseline", "results/main")]),
        new JUnitTestSuite("empty", []),
    ];

    [SkippableFact]
    public void Validates_against_the_junit_schema_with_xmllint()
    {
        var xmllint = Xmllint.Require();
        var file = _temp.File("junit.xml");
        JUnitReport.Write(file, "aro compare", Sample());

        var (exitCode, output) = Xmllint.Validate(xmllint, Schema, file);
        Assert.True(exitCode == 0, $"xmllint rejected {file}:\n{output}\n{File.ReadAllText(file)}");
        Assert.Contains("validates", output);
    }

    [SkippableFact]
    public void The_schema_check_rejects_what_ci_systems_would_not_read()
    {
        var xmllint = Xmllint.Require();
        string[] broken =
        [
            "<testsuites><testsuite tests=\"1\"><testcase name=\"a\"/></testsuite></testsuites>",                     // suite without a name
            "<testsuites><testsuite name=\"s\" tests=\"one\"><testcase name=\"a\"/></testsuite></testsuites>",         // count not a number
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase classname=\"c\"/></testsuite></testsuites>",      // case without a name
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"a\"><failure/><skipped/></testcase></testsuite></testsuites>",
            "<testsuites><testsuite name=\"s\" tests=\"1\" time=\"-1\"/></testsuites>",
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"a\"><oops/></testcase></testsuite></testsuites>",
        ];
        for (var i = 0; i < broken.Length; i++)
        {
            var file = _temp.Write($"broken-{i}.xml", broken[i]);
            var (exitCode, output) = Xmllint.Validate(xmllint, Schema, file);
            Assert.True(exitCode != 0, $"xmllint accepted {broken[i]}: {output}");
        }
    }

    [Fact]
    public void Counts_outcomes_and_numbers_are_written_as_given()
    {
        var document = XDocument.Parse(JUnitReport.Format("aro compare", Sample()));
        var root = document.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("5", "2", "1", "1", "1.500"), Counts(root));

        var suite = root.Elements("testsuite").First();
        Assert.Equal(("5", "2", "1", "1", "1.500"), Counts(suite));
        Assert.Equal("2025-01-31T12:04:05", (string?)suite.Attribute("timestamp"));
        Assert.Equal(["max_drop=0.01", "baseline=results/main"], suite.Element("properties")!.Elements("property").Select(p => $"{p.Attribute("name")!.Value}={p.Attribute("value")!.Value}"));

        var cases = suite.Elements("testcase").ToList();
        var failure = cases[0].Element("failure")!;
        Assert.Equal("relation", (string?)cases[0].Attribute("name"));
        Assert.Equal("aro.compare.relation", (string?)cases[0].Attribute("classname"));
        Assert.Equal("0.250", (string?)cases[0].Attribute("time"));
        Assert.Equal("regression", (string?)failure.Attribute("type"));
        Assert.Contains("dropped by 0.0606 (0.7955 -> 0.7348), 95% interval [-0.0712, -0.0501]", (string?)failure.Attribute("message"));
        Assert.Equal("23937 paired cases\nonly the baseline right: 1204\nonly the candidate right: 812", failure.Value);

        Assert.Equal(["system-out"], cases[1].Elements().Select(e => e.Name.LocalName));
        Assert.Equal("macro accuracy +0.0012 (0.6210 -> 0.6222)", cases[1].Element("system-out")!.Value);
        Assert.Equal("relation / on <top> & \"under\"", (string?)cases[2].Attribute("name"));
        Assert.Equal("only in the baseline", (string?)cases[3].Element("skipped")!.Attribute("message"));
        Assert.Equal("bell \uFFFD here", cases[4].Element("error")!.Value);

        var empty = root.Elements("testsuite").Last();
        Assert.Equal(("0", "0", "0", "0", "0.000"), Counts(empty));
        Assert.Null(empty.Attribute("timestamp"));
    }

    [Fact]
    public void The_same_model_gives_the_same_bytes_utf8_without_bom_and_unix_line_ends()
    {
        var a = _temp.File("a.xml");
        var b = _temp.File("b.xml");
        JUnitReport.Write(a, "aro compare", Sample());
        JUnitReport.Write(b, "aro compare", Sample());
        var bytes = File.ReadAllBytes(a);
        Assert.Equal(bytes, File.ReadAllBytes(b));
        Assert.Equal((byte)'<', bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
    }

    [Fact]
    public void A_time_that_is_not_a_duration_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            JUnitReport.Format("x", [new JUnitTestSuite("s", [new JUnitTestCase("a", "c", JUnitOutcome.Passed, TimeSeconds: double.NaN)])]));
    }

    private static (string?, string?, string?, string?, string?) Counts(XElement element) =>
        ((string?)element.Attribute("tests"), (string?)element.Attribute("failures"), (string?)element.Attribute("errors"),
         (string?)element.Attribute("skipped"), (string?)element.Attribute("time"));
}
