namespace Aro.Core.Eval;

/// <summary>One row of <c>&lt;subset&gt;.groups.csv</c>.</summary>
public sealed record GroupAccuracy(string Group, int Count, int Correct, bool Included)
{
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;
}
