namespace Aro.Core.Results;

/// <summary>The outcome of one case: its scores, the first argmax and whether that is the label.</summary>
/// <param name="Index">The case's position in its subset.</param>
/// <param name="Id">The case id.</param>
/// <param name="Group">Its group.</param>
/// <param name="Label">The correct option.</param>
/// <param name="Prediction">The option the subset's prediction rule chose.</param>
/// <param name="Scores">Every option's score, in option order.</param>
/// <param name="Options">Every option's text as scored (Order options are generated, so this is the only record of them).</param>
public sealed record CaseResult(int Index, string Id, string Group, int Label, int Prediction, IReadOnlyList<double> Scores, IReadOnlyList<string> Options)
{
    public bool Correct => Prediction == Label;
}

/// <summary>A case left out under <see cref="ErrorPolicy.Skip"/>, with the reason.</summary>
public sealed record SkippedCase(int Index, string Id, string Group, string Reason);
