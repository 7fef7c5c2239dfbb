using System.Globalization;
using Aro.Core.Download;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aro.Cli.Rendering;

/// <summary>Progress column: <c>25.1 MiB/s</c>, or <c>35.2 files/s</c> for a set of files.</summary>
internal sealed class TransferRateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        if (task.Speed is not { } speed)
        {
            return new Text("");
        }

        return new Text(task.Tag is DownloadUnit.Files
            ? string.Create(CultureInfo.InvariantCulture, $"{speed:F1} files/s")
            : $"{Sizes.Format((long)speed)}/s");
    }
}
