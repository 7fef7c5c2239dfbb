using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary>
/// Runs work inside a live Spectre progress display on a terminal (description, bar, percentage, the caller's
/// columns, ETA, spinner); off a terminal the work runs without one and its observer logs plain lines instead.
/// </summary>
internal static class LiveProgress
{
    /// <param name="run">Receives the live context, or null when not on a terminal.</param>
    public static async Task<T> RunAsync<T>(CliConsole console, ProgressColumn[] columns, Func<ProgressContext?, Task<T>> run)
    {
        if (!console.IsTerminal)
        {
            return await run(null).ConfigureAwait(false);
        }

        return await console.Status.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns([new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), .. columns, new SpinnerColumn()])
            .StartAsync(run)
            .ConfigureAwait(false);
    }
}
