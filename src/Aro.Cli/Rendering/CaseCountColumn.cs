using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aro.Cli.Rendering;

/// <summary>Progress column: <c>1200/23937</c>.</summary>
internal sealed class CaseCountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.IsIndeterminate
            ? string.Create(CultureInfo.InvariantCulture, $"{task.Value:F0}")
            : string.Create(CultureInfo.InvariantCulture, $"{task.Value:F0}/{task.MaxValue:F0}"));
}
