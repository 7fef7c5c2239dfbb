using System.Diagnostics;
using Xunit;

namespace Aro.TestSupport;

/// <summary>
/// A real headless Chromium for tests that check what a browser makes of aro's HTML. A fresh machine lacks it
/// (.ci/install-deps installs Debian's <c>chromium</c>), so without it the test skips with the reason; CI sets
/// <c>ARO_REQUIRE_SHARED=1</c>, which turns that skip into a failure. <c>ARO_CHROMIUM</c> names another binary.
/// </summary>
public static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The Chromium binary; skips (or, in CI, fails) the test when there is none.</summary>
    public static string Require()
    {
        if (Find() is { } found)
        {
            return found;
        }

        var reason = "headless Chromium not found (looked for $ARO_CHROMIUM, then " + string.Join(", ", Names) +
                     " on PATH); install it with .ci/install-deps (Debian: apt-get install chromium)";
        if (Environment.GetEnvironmentVariable("ARO_REQUIRE_SHARED") == "1")
        {
            throw new InvalidOperationException(reason + "; ARO_REQUIRE_SHARED=1 forbids skipping");
        }

        Skip.If(true, reason);
        return "";
    }

    /// <summary>The DOM Chromium builds from <paramref name="htmlFile"/>, serialised (<c>--dump-dom</c>).</summary>
    public static string DumpDom(string binary, string htmlFile, string profile) =>
        Run(binary, profile, ["--dump-dom", new Uri(htmlFile).AbsoluteUri]);

    /// <summary>Renders <paramref name="htmlFile"/> into a PNG of the given window size.</summary>
    public static void Screenshot(string binary, string htmlFile, string png, int width, int height, string profile) =>
        Run(binary, profile, [$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri]);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ARO_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Runs Chromium headless with nothing that reaches the network or the user's profile, and returns its stdout.
    /// A run that does not finish in a minute is killed and fails the test.
    /// </summary>
    private static string Run(string binary, string profile, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
                     $"--user-data-dir={profile}",
                 }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{binary} did not finish within 60 s");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{binary} exited with {process.ExitCode}: {error.Result}");
        }

        return output.Result;
    }
}
