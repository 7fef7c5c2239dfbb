using System.Diagnostics;
using System.Globalization;
using Aro.Core.Download;
using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary>
/// Shows downloads on stderr: on a terminal, a progress bar per file (bytes, rate, ETA) or per set of files
/// (count, files/s, ETA); otherwise plain log lines — the start, at most one every 10 seconds, and the end — so CI
/// logs stay readable.
/// </summary>
internal sealed class ConsoleDownloadObserver(CliConsole console) : IDownloadObserver
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private ProgressContext? _progress;

    /// <summary>Runs <paramref name="run"/> inside a live progress display when on a terminal.</summary>
    public Task<T> RunAsync<T>(Func<IDownloadObserver, Task<T>> run) =>
        LiveProgress.RunAsync(console, [new TransferredColumn(), new TransferRateColumn(), new RemainingTimeColumn()], async context =>
        {
            _progress = context;
            try
            {
                return await run(this).ConfigureAwait(false);
            }
            finally
            {
                _progress = null;
            }
        });

    public IProgress<DownloadProgress> Started(string label, long? total, DownloadUnit unit)
    {
        if (_progress is { } context)
        {
            var task = context.AddTask(Markup.Escape(label), autoStart: true, maxValue: Math.Max(total ?? 1, 1));
            task.Tag = unit;
            task.IsIndeterminate = total is null;
            return new TaskProgress(task);
        }

        console.Error.WriteLine(total is { } t ? $"{label}: starting ({Amount(t, unit)})" : $"{label}: starting");
        return new LogProgress(console.Error, label, unit);
    }

    public void Info(string message)
    {
        if (_progress is not null)
        {
            console.Status.MarkupLine(Markup.Escape(message));
        }
        else
        {
            console.Error.WriteLine(message);
        }
    }

    public void Warn(string message)
    {
        if (_progress is not null)
        {
            console.Status.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");
        }
        else
        {
            console.Error.WriteLine($"warning: {message}");
        }
    }

    private static string Amount(long value, DownloadUnit unit) =>
        unit == DownloadUnit.Files ? string.Create(CultureInfo.InvariantCulture, $"{value} files") : Sizes.Format(value);

    private sealed class TaskProgress(ProgressTask task) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value)
        {
            if (value.Total is { } total)
            {
                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(total, 1);
            }

            task.Value = value.Done;
            if (value.Finished)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    private sealed class LogProgress(TextWriter log, string label, DownloadUnit unit) : IProgress<DownloadProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private TimeSpan _lastLog = TimeSpan.Zero;
        private long? _start;

        public void Report(DownloadProgress value)
        {
            lock (_lock)
            {
                // Rate counts only what this run moved, not what an earlier run left to resume from.
                _start ??= value.Done;
                var now = _clock.Elapsed;
                var rate = (value.Done - _start.Value) / Math.Max(now.TotalSeconds, 1e-9);
                if (value.Finished)
                {
                    log.WriteLine($"{label}: done, {Amount(value.Done, unit)} in {Durations.Format(now)}{(value.Done > _start ? $" ({Rate(rate)})" : "")}");
                    return;
                }

                if (now - _lastLog < LogInterval)
                {
                    return;
                }

                _lastLog = now;
                var line = $"{label}: {Amount(value.Done, unit)}";
                if (value.Total is { } total && total > 0)
                {
                    line += string.Create(CultureInfo.InvariantCulture, $" of {Amount(total, unit)} ({100.0 * value.Done / total:F1}%), {Rate(rate)}");
                    if (rate > 0)
                    {
                        line += $", ETA {Durations.Format(TimeSpan.FromSeconds((total - value.Done) / rate))}";
                    }
                }
                else
                {
                    line += $", {Rate(rate)}";
                }

                log.WriteLine(line);
            }
        }

        private string Rate(double perSecond) =>
            unit == DownloadUnit.Files ? string.Create(CultureInfo.InvariantCulture, $"{perSecond:F1} files/s") : $"{Sizes.Format((long)perSecond)}/s";
    }
}
