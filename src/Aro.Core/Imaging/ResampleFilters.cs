namespace Aro.Core.Imaging;

/// <summary>Reads and names <see cref="ResampleFilter"/>s.</summary>
public static class ResampleFilters
{
    /// <summary>
    /// The filter for PIL's resample code <paramref name="code"/> (2 bilinear, 3 bicubic). Other codes — 0 nearest,
    /// 1 Lanczos, 4 box, 5 Hamming — are refused with a message naming <paramref name="source"/>.
    /// </summary>
    public static ResampleFilter FromPilCode(long code, string source) => code switch
    {
        (long)ResampleFilter.Bilinear => ResampleFilter.Bilinear,
        (long)ResampleFilter.Bicubic => ResampleFilter.Bicubic,
        _ => throw new AroInputException(
            $"{source}: resample {code} ({PilName(code)}) is not implemented; aro reproduces PIL's bilinear (2) and bicubic (3)"),
    };

    /// <summary>Lower-case name, as run.json and <c>aro models inspect</c> show it.</summary>
    public static string Name(ResampleFilter filter) => filter switch
    {
        ResampleFilter.Bilinear => "bilinear",
        ResampleFilter.Bicubic => "bicubic",
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "unknown resample filter"),
    };

    private static string PilName(long code) => code switch
    {
        0 => "nearest",
        1 => "Lanczos",
        4 => "box",
        5 => "Hamming",
        _ => "not a PIL filter",
    };
}
