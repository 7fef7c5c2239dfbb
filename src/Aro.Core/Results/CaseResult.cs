namespace Aro.Core.Results;

/// <summary>The outcome of one case: its scores, the first argmax and whether that is the label.</summary>
public sealed record CaseResult(int Index, string Id, string Group, int Label, int Prediction, IReadOnlyList<double> Scores)
{
    public bool Correct => Prediction == Label;
}

/// <summary>A case left out under <see cref="ErrorPolicy.Skip"/>, with the reason.</summary>
public sealed record SkippedCase(int Index, string Id, string Group, string Reason);
