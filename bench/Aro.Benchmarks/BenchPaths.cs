namespace Aro.Benchmarks;

/// <summary>
/// Where the inputs live. BenchmarkDotNet runs each benchmark in a generated child project under bin/, so paths
/// are found by walking up to the folder holding Aro.sln rather than from the working directory.
/// </summary>
public static class BenchPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    /// <summary>The demo package's own small BPE vocabulary (always present).</summary>
    public static string DemoModel => Path.Combine(RepoRoot, "models", "demo");

    /// <summary>The ViT-B/32-sized package that scripts/make_bench_model.py writes (not committed).</summary>
    public static string BenchModel => Path.Combine(RepoRoot, "models", "bench-vit-b32");

    /// <summary>The real CLIP BPE files in ../shared (or ARO_SHARED), when this checkout has them.</summary>
    public static string ClipBpe => Path.Combine(
        Environment.GetEnvironmentVariable("ARO_SHARED") is { Length: > 0 } shared
            ? shared
            : Path.Combine(RepoRoot, "..", "shared"),
        "clip-bpe");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Aro.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Aro.sln not found above " + AppContext.BaseDirectory);
    }
}
