using System.Diagnostics;

namespace Aro.Cli.Tests.Support;

/// <summary>Starts a program from the test's output folder (the real aro apphost, the test probe) as a child process.</summary>
public static class ChildProcess
{
    public static Process Start(string program, IEnumerable<string> args, string? environmentCache = null)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (environmentCache is not null)
        {
            info.Environment["ARO_CACHE"] = environmentCache;
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
    }

    /// <summary>Sends SIGTERM (Process.Kill would send SIGKILL).</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes.</summary>
    public static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return condition();
    }
}
