using System.Reflection;

namespace Aro.Core;

/// <summary>The version of aro that wrote a result, and the commit it was built from.</summary>
public static class AroVersion
{
    /// <summary>The git commit aro was built from (<c>-dirty</c> when tracked files differed from it), or null when the build had no repository.</summary>
    public static string? Commit { get; } =
        typeof(AroVersion).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "AroCommit")?.Value is { Length: > 0 } commit
            ? commit
            : null;

    public static string Current { get; } =
        typeof(AroVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
