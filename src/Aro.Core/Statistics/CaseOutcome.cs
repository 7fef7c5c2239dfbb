namespace Aro.Core.Statistics;

/// <summary>One case of one run, as a paired comparison needs it: its id, its group and whether the run got it right.</summary>
/// <param name="Id">The case id (predictions.csv's <c>id</c>); cases of two runs pair by it.</param>
/// <param name="Group">The case's group (predictions.csv's <c>group</c>).</param>
/// <param name="Correct">Whether the prediction was the label.</param>
public readonly record struct CaseOutcome(string Id, string Group, bool Correct);
