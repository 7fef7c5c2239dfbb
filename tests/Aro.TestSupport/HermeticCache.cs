using System.Runtime.CompilerServices;

namespace Aro.TestSupport;

/// <summary>
/// Points aro's embedding cache at a fresh temporary folder for the whole test run, so tests never read or
/// fill the user's ~/.cache/aro and never depend on what an earlier run left there.
/// </summary>
public static class HermeticCache
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "aro-test-cache-" + Guid.NewGuid().ToString("N"));

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test-run isolation must happen before any test.")]
    public static void Initialize() => Environment.SetEnvironmentVariable("ARO_CACHE", Folder);
}
