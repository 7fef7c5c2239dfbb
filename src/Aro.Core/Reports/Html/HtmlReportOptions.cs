using Aro.Core.Reports.Gallery;
using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>What <c>aro report</c> was asked for beyond its inputs.</summary>
/// <param name="Title">The page title.</param>
/// <param name="WorstGroups">How many of the lowest-accuracy groups to list per model and subset.</param>
/// <param name="MinCases">Fewest cases a group needs to be listed among the worst (smaller groups are noise).</param>
public sealed record HtmlReportOptions(string Title = "ARO results", int WorstGroups = 10, int MinCases = 25)
{
    /// <summary>The failure gallery: cases per list (<c>--gallery N</c>, 0 for none), where the data is (<c>--data</c>), thumbnail limits.</summary>
    public GalleryOptions Gallery { get; init; } = new();

    /// <summary>Rejects counts below 1 (input error, exit 2).</summary>
    public void Validate()
    {
        if (WorstGroups < 1)
        {
            throw new AroInputException(FormattableString.Invariant($"--worst must be at least 1, found {WorstGroups}"));
        }

        if (MinCases < 1)
        {
            throw new AroInputException(FormattableString.Invariant($"--min-cases must be at least 1, found {MinCases}"));
        }

        Gallery.Validate();
    }
}
