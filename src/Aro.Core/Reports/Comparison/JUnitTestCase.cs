namespace Aro.Core.Reports.Comparison;

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
