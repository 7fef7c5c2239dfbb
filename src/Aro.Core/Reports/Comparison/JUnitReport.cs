using System.Globalization;
using System.Text;
using System.Xml;
using Aro.Core.IO;

namespace Aro.Core.Reports.Comparison;

/// <summary>
/// Writes JUnit XML, the test-report format Jenkins, GitLab (<c>artifacts:reports:junit</c>), GitHub test-report
/// actions and Azure DevOps read: <c>&lt;testsuites&gt;</c> with counts, a <c>&lt;testsuite&gt;</c> per comparison, a
/// <c>&lt;testcase&gt;</c> per check with <c>&lt;failure&gt;</c>, <c>&lt;error&gt;</c> or <c>&lt;skipped&gt;</c>. The file
/// validates against tests/fixtures/junit/junit.xsd (checked with xmllint in the tests).
/// </summary>
/// <remarks>
/// UTF-8 without a byte-order mark, <c>\n</c> line ends, invariant-culture numbers, times in seconds with 3
/// decimals; the same input gives the same bytes. Characters XML 1.0 cannot carry (control characters, lone
/// surrogates) become U+FFFD rather than making the whole file unreadable.
/// </remarks>
public static class JUnitReport
{
    /// <summary>Writes <paramref name="suites"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, string name, IReadOnlyList<JUnitTestSuite> suites) =>
        AtomicFile.Write(path, stream => Write(stream, name, suites));

    /// <summary>The document as a string.</summary>
    public static string Format(string name, IReadOnlyList<JUnitTestSuite> suites)
    {
        using var stream = new MemoryStream();
        Write(stream, name, suites);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the document to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, string name, IReadOnlyList<JUnitTestSuite> suites)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", Clean(name));
            xml.WriteAttributeString("tests", Int(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", Int(suites.Sum(s => s.Failures)));
            xml.WriteAttributeString("errors", Int(suites.Sum(s => s.Errors)));
            xml.WriteAttributeString("skipped", Int(suites.Sum(s => s.Skipped)));
            xml.WriteAttributeString("time", Seconds(suites.Sum(s => s.TimeSeconds)));
            foreach (var suite in suites)
            {
                Suite(xml, suite);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void Suite(XmlWriter xml, JUnitTestSuite suite)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(suite.Name));
        xml.WriteAttributeString("tests", Int(suite.Cases.Count));
        xml.WriteAttributeString("failures", Int(suite.Failures));
        xml.WriteAttributeString("errors", Int(suite.Errors));
        xml.WriteAttributeString("skipped", Int(suite.Skipped));
        xml.WriteAttributeString("time", Seconds(suite.TimeSeconds));
        if (suite.Timestamp is { } timestamp)
        {
            xml.WriteAttributeString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        }

        if (suite.Properties is { Count: > 0 } properties)
        {
            xml.WriteStartElement("properties");
            foreach (var (key, value) in properties)
            {
                xml.WriteStartElement("property");
                xml.WriteAttributeString("name", Clean(key));
                xml.WriteAttributeString("value", Clean(value));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        foreach (var test in suite.Cases)
        {
            Case(xml, test);
        }

        xml.WriteEndElement();
    }

    private static void Case(XmlWriter xml, JUnitTestCase test)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(test.Name));
        xml.WriteAttributeString("classname", Clean(test.ClassName));
        xml.WriteAttributeString("time", Seconds(test.TimeSeconds));
        switch (test.Outcome)
        {
            case JUnitOutcome.Passed:
                var output = string.Join('\n', new[] { test.Message, test.Details }.Where(s => !string.IsNullOrEmpty(s)));
                if (output.Length > 0)
                {
                    xml.WriteElementString("system-out", Clean(output));
                }

                break;
            case JUnitOutcome.Failed:
                Problem(xml, "failure", "regression", test);
                break;
            case JUnitOutcome.Error:
                Problem(xml, "error", "error", test);
                break;
            case JUnitOutcome.Skipped:
                xml.WriteStartElement("skipped");
                if (test.Message is { } message)
                {
                    xml.WriteAttributeString("message", Clean(message));
                }

                xml.WriteEndElement();
                if (!string.IsNullOrEmpty(test.Details))
                {
                    xml.WriteElementString("system-out", Clean(test.Details));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(test), test.Outcome, "unknown outcome");
        }

        xml.WriteEndElement();
    }

    private static void Problem(XmlWriter xml, string element, string type, JUnitTestCase test)
    {
        xml.WriteStartElement(element);
        if (test.Message is { } message)
        {
            xml.WriteAttributeString("message", Clean(message));
        }

        xml.WriteAttributeString("type", type);
        if (!string.IsNullOrEmpty(test.Details))
        {
            xml.WriteString(Clean(test.Details));
        }

        xml.WriteEndElement();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "a test time is a finite number of seconds, 0 or more");
        }

        return seconds.ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>Replaces what XML 1.0 cannot hold (control characters other than tab and line ends, lone surrogates) with U+FFFD.</summary>
    private static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
                continue;
            }

            clean ??= new StringBuilder(text.Length).Append(text, 0, i);
            clean.Append('\uFFFD');
        }

        return clean?.ToString() ?? text;
    }
}

/// <summary>What a JUnit test case reports: CI systems count failures, errors and skips separately.</summary>
public enum JUnitOutcome
{
    /// <summary>The check held.</summary>
    Passed,

    /// <summary>The check did not hold (a drop beyond the threshold): <c>&lt;failure&gt;</c>.</summary>
    Failed,

    /// <summary>The check could not be made (for example a subset only one run has): <c>&lt;skipped&gt;</c>.</summary>
    Skipped,

    /// <summary>The check broke (unreadable input): <c>&lt;error&gt;</c>.</summary>
    Error,
}

/// <summary>One <c>&lt;testcase&gt;</c>: for <c>aro compare --junit</c>, a subset or a gated group.</summary>
/// <param name="Name">What was checked, e.g. the subset (<c>relation</c>) or <c>relation / on</c> for a group.</param>
/// <param name="ClassName">What CI systems group cases by, e.g. <c>aro.compare.relation</c>.</param>
/// <param name="Outcome">Passed, failed, skipped or error.</param>
/// <param name="Message">One line with the numbers (the failure's, skip's or error's <c>message</c>); for a passed
/// case it goes to <c>&lt;system-out&gt;</c>.</param>
/// <param name="Details">More lines (the failure's or error's body, or <c>&lt;system-out&gt;</c>).</param>
/// <param name="TimeSeconds">Seconds the check took.</param>
public sealed record JUnitTestCase(
    string Name,
    string ClassName,
    JUnitOutcome Outcome,
    string? Message = null,
    string? Details = null,
    double TimeSeconds = 0);

/// <summary>One <c>&lt;testsuite&gt;</c>: for <c>aro compare --junit</c>, one comparison of a candidate with a baseline.</summary>
/// <param name="Name">The suite's name, e.g. <c>aro compare results/main results/pr</c>.</param>
/// <param name="Cases">Its test cases, in the order to write them.</param>
/// <param name="Timestamp">When it ran; written in UTC without a zone (<c>2025-01-31T12:00:00</c>), the form the
/// strictest readers take. Null leaves it out (the file then depends only on the results compared).</param>
/// <param name="TimeSeconds">Seconds the suite took.</param>
/// <param name="Properties">Name/value pairs written as <c>&lt;properties&gt;</c> (thresholds, paths).</param>
public sealed record JUnitTestSuite(
    string Name,
    IReadOnlyList<JUnitTestCase> Cases,
    DateTimeOffset? Timestamp = null,
    double TimeSeconds = 0,
    IReadOnlyList<KeyValuePair<string, string>>? Properties = null)
{
    public int Failures => Cases.Count(c => c.Outcome == JUnitOutcome.Failed);

    public int Errors => Cases.Count(c => c.Outcome == JUnitOutcome.Error);

    public int Skipped => Cases.Count(c => c.Outcome == JUnitOutcome.Skipped);
}
