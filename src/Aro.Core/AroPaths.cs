namespace Aro.Core;

/// <summary>
/// The folders aro reads and writes by default, resolved once from the environment by the command line and passed
/// down: nothing below reads environment variables, so tests can give each run its own folders and run in parallel.
/// </summary>
/// <param name="ModelsRoot">Where bare model names are looked up (<c>$ARO_MODELS</c>, default <c>models</c>).</param>
/// <param name="DataRoot">Where subsets' data folders are looked up (<c>$ARO_DATA</c>, default <c>data</c>).</param>
/// <param name="CacheRoot">Where embedding caches live (<c>$ARO_CACHE</c>, else <c>$XDG_CACHE_HOME/aro</c>, else <c>~/.cache/aro</c>).</param>
public sealed record AroPaths(string ModelsRoot, string DataRoot, string CacheRoot)
{
    public const string ModelsVariable = "ARO_MODELS";
    public const string DataVariable = "ARO_DATA";
    public const string CacheVariable = "ARO_CACHE";

    /// <summary>The folders the process environment names (<paramref name="read"/> defaults to the real environment).</summary>
    public static AroPaths FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        string? Value(string name) => read(name) is { Length: > 0 } value ? value : null;
        var cache = Value(CacheVariable) is { } aro
            ? Path.GetFullPath(aro)
            : Path.Combine(Value("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "aro");
        return new AroPaths(Value(ModelsVariable) ?? "models", Value(DataVariable) ?? "data", cache);
    }
}
