using System.Globalization;

namespace Aro.Cli.Rendering;

/// <summary>Short human durations: <c>42s</c>, <c>9m 12s</c>, <c>1h 05m</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:F0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m {span.Seconds:D2}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:D2}m"),
    };
}
