namespace Aro.Core.Caching;

/// <summary>
/// Where persistent embedding caches live: <c>--cache-dir</c>, else <c>$ARO_CACHE</c>, else
/// <c>$XDG_CACHE_HOME/aro</c>, else <c>~/.cache/aro</c>; one file per model fingerprint.
/// </summary>
public static class CacheLocation
{
    public const string EnvironmentVariable = "ARO_CACHE";

    public static string Root(string? cacheDir)
    {
        if (cacheDir is { Length: > 0 })
        {
            return Path.GetFullPath(cacheDir);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } aro)
        {
            return Path.GetFullPath(aro);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var baseDir = xdg is { Length: > 0 }
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "aro");
    }

    public static string FileFor(string root, ReadOnlySpan<byte> fingerprint) =>
        Path.Combine(root, Convert.ToHexStringLower(fingerprint[..8]), "embeddings.bin");
}
