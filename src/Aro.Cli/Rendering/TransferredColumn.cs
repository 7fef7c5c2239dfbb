using System.Globalization;
using Aro.Core.Download;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Aro.Cli.Rendering;

/// <summary>Progress column: <c>120.3 MiB/335.4 MiB</c> for a file, <c>1200/5000</c> for a set of files.</summary>
internal sealed class TransferredColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var value = (long)task.Value;
        if (task.Tag is DownloadUnit.Files)
        {
            return new Text(task.IsIndeterminate
                ? string.Create(CultureInfo.InvariantCulture, $"{value}")
                : string.Create(CultureInfo.InvariantCulture, $"{value}/{task.MaxValue:F0}"));
        }

        return new Text(task.IsIndeterminate ? Sizes.Format(value) : $"{Sizes.Format(value)}/{Sizes.Format((long)task.MaxValue)}");
    }
}
