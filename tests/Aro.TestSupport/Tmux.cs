using System.Diagnostics;
using Xunit;

namespace Aro.TestSupport;

/// <summary>
/// A real terminal for tests of aro's live display: a detached tmux session of a fixed size, whose screen (and
/// scrollback) <c>capture-pane</c> reads back as text. Each instance runs its own tmux server (<c>-L</c>, no user
/// configuration), killed on dispose. A fresh machine may lack tmux (.ci/install-deps installs it), so without it
/// the test skips with the reason; CI sets <c>ARO_REQUIRE_SHARED=1</c>, which turns that skip into a failure.
/// </summary>
public sealed class Tmux : IDisposable
{
    private readonly string _binary;
    private readonly string _socket = "aro-test-" + Guid.NewGuid().ToString("N")[..12];

    private Tmux(string binary) => _binary = binary;

    /// <summary>A tmux to drive; skips (or, in CI, fails) the test when there is none on PATH.</summary>
    public static Tmux Require()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var found = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "tmux"))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return new Tmux(found);
        }

        var reason = "tmux not found on PATH; install it with .ci/install-deps (Debian: apt-get install tmux)";
        if (Environment.GetEnvironmentVariable("ARO_REQUIRE_SHARED") == "1")
        {
            throw new InvalidOperationException(reason + "; ARO_REQUIRE_SHARED=1 forbids skipping");
        }

        Skip.If(true, reason);
        return null!;
    }

    /// <summary>Starts <paramref name="shellCommand"/> (run by <c>sh -c</c>) in a new <paramref name="width"/> x <paramref name="height"/> session.</summary>
    public void Start(string session, int width, int height, string shellCommand) =>
        Run("new-session", "-d", "-s", session, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), shellCommand);

    /// <summary>What the pane shows, and with <paramref name="history"/> everything scrolled above it too; wrapped lines joined.</summary>
    public string Capture(string session, bool history = true) =>
        history ? Run("capture-pane", "-p", "-J", "-S", "-", "-t", session) : Run("capture-pane", "-p", "-J", "-t", session);

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is already gone.
        }
    }

    private string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-L", _socket, "-f", "/dev/null", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_binary}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} did not finish within 20 s");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
    }
}
