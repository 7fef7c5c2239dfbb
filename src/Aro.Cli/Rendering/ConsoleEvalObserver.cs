using System.Diagnostics;
using System.Globalization;
using Aro.Core.Benchmarks;
using Aro.Core.Evaluation;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Pipeline;
using Aro.Core.Results;
using Spectre.Console;

namespace Aro.Cli.Rendering;

/// <summary>
/// Shows an evaluation's progress on stderr: a progress bar with rate and ETA on a terminal, plain log lines
/// (at most one per 10 seconds per subset, plus start and end) otherwise, so CI logs stay readable.
/// </summary>
internal sealed class ConsoleEvalObserver(CliConsole console, bool verbose) : IEvalObserver
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private ProgressContext? _progress;

    /// <summary>Runs <paramref name="run"/> inside a live progress display when on a terminal.</summary>
    public Task<T> RunAsync<T>(Func<IEvalObserver, Task<T>> run) =>
        LiveProgress.RunAsync(console, [new CaseCountColumn(), new CaseRateColumn()], async context =>
        {
            _progress = context;
            return await run(this).ConfigureAwait(false);
        });

    public void ModelLoaded(IEvaluationModel model)
    {
        var description = model.Description;
        console.Error.WriteLine($"model {description.Name}: {description.Summary}");
        if (verbose)
        {
            foreach (var line in description.Details)
            {
                console.Error.WriteLine($"  {line}");
            }
        }
    }

    public IProgress<EvaluationProgress> SubsetStarted(SubsetDefinition subset)
    {
        if (_progress is not null)
        {
            var task = _progress.AddTask(subset.Name, autoStart: true);
            task.IsIndeterminate = true;
            return new TaskProgress(task);
        }

        console.Error.WriteLine($"{subset.Name}: evaluating {subset.Title}");
        return new LogProgress(console.Error);
    }

    public void SubsetFinished(SubsetSummary summary)
    {
        if (_progress is null)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Subset.Name}: done, {summary.Samples} cases, micro {summary.MicroAccuracy:F4}, macro {summary.MacroAccuracy:F4}"));
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

    private sealed class TaskProgress(ProgressTask task) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value)
        {
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

    private sealed class LogProgress(TextWriter log) : IProgress<EvaluationProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastLog = TimeSpan.Zero;

        public void Report(EvaluationProgress value)
        {
            var now = _clock.Elapsed;
            var finished = value.Total is { } total && value.Done >= total;
            if (value.Done == 0 || finished || now - _lastLog < LogInterval)
            {
                return;
            }

            _lastLog = now;
            var rate = value.Done / Math.Max(now.TotalSeconds, 1e-9);
            var line = string.Create(CultureInfo.InvariantCulture, $"{value.Subset}: {value.Done}");
            if (value.Total is { } t)
            {
                var eta = TimeSpan.FromSeconds((t - value.Done) / Math.Max(rate, 1e-9));
                line += string.Create(CultureInfo.InvariantCulture, $"/{t} cases ({100.0 * value.Done / t:F1}%), {rate:F1} cases/s, ETA {Durations.Format(eta)}");
            }
            else
            {
                line += string.Create(CultureInfo.InvariantCulture, $" cases, {rate:F1} cases/s");
            }

            log.WriteLine(line);
        }
    }
}
