namespace Aro.Core.Statistics;

/// <summary>One accuracy of two runs on the same cases, and their difference with its paired bootstrap interval.</summary>
/// <param name="Baseline">The baseline's accuracy on the paired cases.</param>
/// <param name="Candidate">The candidate's accuracy on the paired cases.</param>
/// <param name="Difference">Candidate minus baseline (negative: a drop).</param>
/// <param name="Interval">The 95% paired bootstrap interval of <see cref="Difference"/>.</param>
public sealed record PairedDifference(double Baseline, double Candidate, double Difference, ConfidenceInterval Interval)
{
    /// <summary>A drop the resampling says is not noise: the whole interval lies below 0 (<c>--max-drop significant</c>).</summary>
    public bool IsSignificantDrop => Interval.Upper < 0;

    /// <summary>A gain whose whole interval lies above 0.</summary>
    public bool IsSignificantGain => Interval.Lower > 0;
}
