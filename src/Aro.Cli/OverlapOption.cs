namespace Aro.Cli;

/// <summary><c>--overlap auto|on|off</c> as <see cref="Aro.Core.Pipeline.EvaluationSettings.Overlap"/>.</summary>
internal static class OverlapOption
{
    public static bool? Parse(string? value) => value switch
    {
        "on" => true,
        "off" => false,
        _ => null,
    };
}
