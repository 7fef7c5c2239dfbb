using Aro.Core.Perturbations;

namespace Aro.Core.Models;

/// <summary>The command-line and manifest names of <see cref="ScoringMode"/>.</summary>
public static class ScoringModes
{
    public static string Name(ScoringMode mode) => mode switch
    {
        ScoringMode.ItmPlusItc => "itm+itc",
        _ => "itc",
    };

    public static ScoringMode? Parse(string? name) => name switch
    {
        "itc" => ScoringMode.Itc,
        "itm+itc" => ScoringMode.ItmPlusItc,
        _ => null,
    };
}
