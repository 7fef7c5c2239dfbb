using Aro.Core.Cases;
using Aro.Core.Pipeline;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// What every case a reader yields must satisfy, whatever its input: the pipeline relies on it unchecked. Whether the
/// case can be scored is not among them (the pipeline asks <see cref="CaseProblems"/>), but asking must not throw.
/// </summary>
public static class CaseInvariants
{
    /// <summary>Counts, then reads every case of <paramref name="reader"/>; null when all is sound, else what is not.</summary>
    public static async Task<string?> ReadAllAsync(ICaseReader reader)
    {
        var counted = await reader.CountAsync();
        var read = 0;
        await foreach (var aroCase in reader.ReadAsync())
        {
            if (Check(aroCase, read) is { } broken)
            {
                return broken;
            }

            read++;
        }

        return read == counted ? null : $"CountAsync said {counted} cases, ReadAsync gave {read}";
    }

    private static string? Check(AroCase aroCase, int position)
    {
        if (aroCase.Index != position)
        {
            return $"case {position} has index {aroCase.Index}";
        }

        if (aroCase.Id is null || aroCase.Group is null || aroCase.Captions is null || aroCase.Captions.Any(c => c is null))
        {
            return $"case {position} has a null id, group or caption";
        }

        if (string.IsNullOrEmpty(aroCase.ImagePath) || !Path.IsPathFullyQualified(aroCase.ImagePath))
        {
            return $"case {position} has image path '{aroCase.ImagePath}', not a full path";
        }

        if (aroCase.Crop is { } box && !(double.IsFinite(box.X) && double.IsFinite(box.Y) && double.IsFinite(box.Width) && double.IsFinite(box.Height)))
        {
            return $"case {position} has a non-finite crop box {box}";
        }

        // Whether it can be scored is the pipeline's question; asking it must not throw, whatever the case holds.
        _ = CaseProblems.Find(aroCase);
        return null;
    }
}
