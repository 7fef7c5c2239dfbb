using System.Diagnostics;

namespace Aro.Cli.Tests.Support;

/// <summary>Starts a program from the test's output folder (the real aro apphost, the test probe) as a child process.</summary>
public static class ChildProcess
{
    public static Process Start(string program, IEnumerable<string> args, string? environmentCache = null)
    {
        var info = StartInfo(program, args);
        if (environmentCache is not null)
        {
            info.Environment["ARO_CACHE"] = environmentCache;
        }

        return Start(info);
    }

    /// <summary>How to start <paramref name="program"/> (a file in the test's output folder, or a path) with its output captured.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Path.IsPathRooted(program) ? program : Path.Combine(AppContext.BaseDirectory, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    public static Process Start(ProcessStartInfo info) =>
        Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");

    /// <summary>Waits for the process to end, reading both outputs all along (so a full pipe never stalls it).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> FinishAsync(Process process, TimeSpan timeout)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{process.StartInfo.FileName} did not finish within {timeout}; stderr so far: {(error.IsCompleted ? error.Result : "")}");
        }

        return (process.ExitCode, await output, await error);
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
