using System.Diagnostics;
using System.Globalization;
using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary>
/// Shows an evaluation's progress on stderr: on a terminal, one live bar per subset run (each seed named) with its
/// cases, rate and ETA, which shows its elapsed time once done; off a terminal, plain log lines (at most one per 10
/// seconds per subset, plus start and end), so CI logs stay readable. Every other line goes through the live display,
/// which keeps it above the bars instead of letting a redraw overwrite it.
/// </summary>
internal sealed class ConsoleEvalObserver(CliConsole console, bool verbose) : IEvalObserver
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private ProgressContext? _progress;

    /// <summary>Runs <paramref name="run"/> inside a live progress display when on a terminal.</summary>
    public Task<T> RunAsync<T>(Func<IEvalObserver, Task<T>> run) =>
        LiveProgress.RunAsync(console, [new CaseCountColumn(), new CaseRateColumn(), new EtaOrElapsedColumn()], async context =>
        {
            _progress = context;
            return await run(this).ConfigureAwait(false);
        });

    public void ModelLoaded(IEvaluationModel model)
    {
        var description = model.Description;
        Line($"model {description.Name}: {description.Summary}");
        if (verbose)
        {
            foreach (var line in description.Details)
            {
                Line($"  {line}");
            }
        }
    }

    public IProgress<EvaluationProgress> SubsetStarted(SubsetRun run)
    {
        var label = Label(run);
        if (_progress is not null)
        {
            var task = _progress.AddTask(Markup.Escape(label), autoStart: true);
            task.IsIndeterminate = true;
            return new TaskProgress(task);
        }

        console.Error.WriteLine($"{label}: evaluating {run.Subset.Title}");
        return new LogProgress(console.Error, label);
    }

    public void SubsetFinished(SubsetRun run, SubsetSummary summary)
    {
        if (_progress is null)
        {
            console.Error.WriteLine($"{Label(run)}: done, {SummaryText.Describe(summary)}");
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

    public void Note(string message) => Line(message);

    /// <summary>A subset run's name in progress lines: the subset, and its seed when it runs with several.</summary>
    private static string Label(SubsetRun run) =>
        run.Seed is { } seed && run.SeedCount > 1 ? string.Create(CultureInfo.InvariantCulture, $"{run.Subset.Name} seed {seed}") : run.Subset.Name;

    private void Line(string text)
    {
        if (_progress is not null)
        {
            console.Status.MarkupLine(Markup.Escape(text));
        }
        else
        {
            console.Error.WriteLine(text);
        }
    }

    /// <summary>Feeds a live bar; its first report (a resumed run's finished cases) is where the rate starts counting.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<EvaluationProgress>
    {
        private bool _started;

        public void Report(EvaluationProgress value)
        {
            if (!_started)
            {
                _started = true;
                task.State.Update<double>(CaseRateColumn.StartKey, _ => value.Done);
            }

            if (value.Total is { } total)
            {
                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(total, 1);
            }

            task.Value = value.Done;
            if (value.Total is { } t && value.Done >= t)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    private sealed class LogProgress(TextWriter log, string label) : IProgress<EvaluationProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastLog = TimeSpan.Zero;
        private int? _start;

        public void Report(EvaluationProgress value)
        {
            _start ??= value.Done;
            var now = _clock.Elapsed;
            var finished = value.Total is { } total && value.Done >= total;
            if (value.Done == 0 || finished || now - _lastLog < LogInterval)
            {
                return;
            }

            _lastLog = now;
            var rate = (value.Done - _start.Value) / Math.Max(now.TotalSeconds, 1e-9);
            var line = string.Create(CultureInfo.InvariantCulture, $"{label}: {value.Done}");
            if (value.Total is { } t)
            {
                var eta = TimeSpan.FromSeconds((t - value.Done) / Math.Max(rate, 1e-9));
                line += string.Create(CultureInfo.InvariantCulture, $"/{t} cases ({100.0 * value.Done / t:F1}%), {CaseRateColumn.Format(rate)}, ETA {Durations.Format(eta)}");
            }
            else
            {
                line += string.Create(CultureInfo.InvariantCulture, $" cases, {CaseRateColumn.Format(rate)}");
            }

            log.WriteLine(line);
        }
    }
}
