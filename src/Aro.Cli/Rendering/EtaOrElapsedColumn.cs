using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aro.Cli.Rendering;

/// <summary>Progress column: the estimated time left while a bar runs (from <see cref="CaseRateColumn.Rate"/>), how long it took once done.</summary>
internal sealed class EtaOrElapsedColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        if (task.IsFinished)
        {
            return new Text($"took {Took(task.ElapsedTime ?? TimeSpan.Zero)}");
        }

        return new Text(CaseRateColumn.Rate(task) is { } rate && !task.IsIndeterminate
            ? $"ETA {Durations.Format(TimeSpan.FromSeconds((task.MaxValue - task.Value) / rate))}"
            : "");
    }

    private static string Took(TimeSpan span) =>
        span.TotalSeconds < 10 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:F1}s") : Durations.Format(span);
}
