namespace Aro.Core.Download;

/// <summary>Shows nothing: for the single files of a set whose progress is shown as a whole (COCO images).</summary>
public sealed class SilentDownloadObserver : IDownloadObserver
{
    public static SilentDownloadObserver Instance { get; } = new();

    public IProgress<DownloadProgress> Started(string label, long? total, DownloadUnit unit) => Ignore.Instance;

    public void Info(string message)
    {
    }

    public void Warn(string message)
    {
    }

    private sealed class Ignore : IProgress<DownloadProgress>
    {
        public static Ignore Instance { get; } = new();

        public void Report(DownloadProgress value)
        {
        }
    }
}
