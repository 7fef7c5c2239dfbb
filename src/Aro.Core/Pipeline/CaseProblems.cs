using Aro.Core.Cases;

namespace Aro.Core.Pipeline;

/// <summary>
/// Checks a case can be scored at all, before any image is read. Readers yield every record of the right shape (right
/// fields, right JSON types); what makes such a case unscorable is decided here and by the image path, so that
/// <c>--on-error skip</c> leaves it out with a reason and <c>fail</c> stops naming it (docs/robustness.md).
/// </summary>
internal static class CaseProblems
{
    public static string? Find(AroCase aroCase)
    {
        if (aroCase.Captions.Count < 2)
        {
            return $"has {aroCase.Captions.Count} caption option(s); a case needs at least 2";
        }

        if (aroCase.Label < 0 || aroCase.Label >= aroCase.Captions.Count)
        {
            return $"label {aroCase.Label} is not an option index (0..{aroCase.Captions.Count - 1})";
        }

        for (var i = 0; i < aroCase.Captions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(aroCase.Captions[i]))
            {
                return $"caption option {i} is empty";
            }
        }

        if (aroCase.Crop is { } box && (!double.IsFinite(box.X) || !double.IsFinite(box.Y) || !(box.Width > 0) || !(box.Height > 0)
            || !double.IsFinite(box.Width) || !double.IsFinite(box.Height)))
        {
            return $"crop box {box} has a non-positive or non-finite size";
        }

        return null;
    }
}
