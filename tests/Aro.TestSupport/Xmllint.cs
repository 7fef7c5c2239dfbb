using System.Diagnostics;
using Xunit;

namespace Aro.TestSupport;

/// <summary>
/// libxml2's <c>xmllint</c>, for tests that validate aro's XML against a schema with a validator other than .NET's.
/// A fresh machine may lack it (.ci/install-deps installs Debian's <c>libxml2-utils</c>), so without it the test skips
/// with the reason; CI sets <c>ARO_REQUIRE_SHARED=1</c>, which turns that skip into a failure. <c>ARO_XMLLINT</c>
/// names another binary.
/// </summary>
public static class Xmllint
{
    /// <summary>The xmllint binary; skips (or, in CI, fails) the test when there is none.</summary>
    public static string Require()
    {
        if (Find() is { } found)
        {
            return found;
        }

        var reason = "xmllint not found (looked for $ARO_XMLLINT, then xmllint on PATH); install it with .ci/install-deps (Debian: apt-get install libxml2-utils)";
        if (Environment.GetEnvironmentVariable("ARO_REQUIRE_SHARED") == "1")
        {
            throw new InvalidOperationException(reason + "; ARO_REQUIRE_SHARED=1 forbids skipping");
        }

        Skip.If(true, reason);
        return "";
    }

    /// <summary>Validates <paramref name="xmlFile"/> against <paramref name="schema"/>: the exit code and what xmllint printed.</summary>
    public static (int ExitCode, string Output) Validate(string binary, string schema, string xmlFile)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--noout", "--nonet", "--schema", schema, xmlFile })
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
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("ARO_XMLLINT") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "xmllint"))
            .FirstOrDefault(File.Exists);
    }
}
