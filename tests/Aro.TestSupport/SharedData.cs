using Xunit;

namespace Aro.TestSupport;

/// <summary>
/// The reference data kept outside the repository: <c>ARO_SHARED</c>, else a <c>shared</c> folder beside the repository
/// (<see cref="Root"/>). It is not ours to commit, so a fresh clone
/// without it skips the tests that need it, saying why. CI sets <c>ARO_REQUIRE_SHARED=1</c>, which turns a
/// would-be skip into a failure: parity tests must never pass by being skipped there.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("ARO_SHARED") is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(RepoPaths.Root, "..", "shared"));

    /// <summary>The path of a shared file or folder; skips (or, in CI, fails) the test when it is absent.</summary>
    public static string Require(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        var reason = $"shared reference data not found: {path} (set ARO_SHARED to its folder)";
        if (Environment.GetEnvironmentVariable("ARO_REQUIRE_SHARED") == "1")
        {
            throw new InvalidOperationException(reason + "; ARO_REQUIRE_SHARED=1 forbids skipping");
        }

        Skip.If(true, reason);
        return path;
    }

    public static string Fixtures(params string[] parts) => Require(["fixtures", .. parts]);
}
