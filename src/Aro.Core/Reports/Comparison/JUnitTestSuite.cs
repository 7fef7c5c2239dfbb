namespace Aro.Core.Reports.Comparison;

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
