using System.Reflection;

namespace Aro.Core;

/// <summary>The version of aro that wrote a result.</summary>
public static class AroVersion
{
    public static string Current { get; } =
        typeof(AroVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
