using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aro.Cli.Rendering;

/// <summary>
/// Progress column: cases per second since the bar started, counted from its first report (so a resumed run's earlier
/// cases do not inflate it). Spectre's own speed averages a short window and shows 0.0 for a subset done in under a
/// second; this one is right from the first case.
/// </summary>
internal sealed class CaseRateColumn : ProgressColumn
{
    /// <summary>The task state key holding the case count the rate starts from.</summary>
    public const string StartKey = "aro.start";

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(Rate(task) is { } rate ? Format(rate) : "");

    /// <summary>Cases per second, or null before a case is done.</summary>
    public static double? Rate(ProgressTask task)
    {
        var done = task.Value - task.State.Get<double>(StartKey);
        var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
        return done > 0 && seconds > 0 ? done / seconds : null;
    }

    /// <summary><c>12.3 cases/s</c>, with more digits for slow rates so none reads 0.0.</summary>
    public static string Format(double rate) => rate >= 10
        ? string.Create(CultureInfo.InvariantCulture, $"{rate:F0} cases/s")
        : string.Create(CultureInfo.InvariantCulture, $"{rate:0.0##} cases/s");
}
