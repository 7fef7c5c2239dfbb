namespace Aro.Core.Results;

/// <summary>One row of <c>&lt;subset&gt;.groups.csv</c> as read back.</summary>
/// <param name="Group">The group key (relation, attribute pair, subset name, or a diagnostic row's name).</param>
/// <param name="Count">Cases in the group (diagnostic rows: the cases counted).</param>
/// <param name="Accuracy">Share correct (diagnostic rows: the share they describe).</param>
/// <param name="Included">Whether the group counts toward the macro accuracy.</param>
public sealed record GroupRow(string Group, int Count, double Accuracy, bool Included);
