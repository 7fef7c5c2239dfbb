using System.Collections.Concurrent;
using Aro.Core.Download;

namespace Aro.Core.Tests.Support;

/// <summary>A download observer that records what it is told and draws nothing.</summary>
public sealed class RecordingDownloadObserver : IDownloadObserver
{
    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentQueue<DownloadProgress> Progress { get; } = new();

    public ConcurrentQueue<string> Infos { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    IProgress<DownloadProgress> IDownloadObserver.Started(string label, long? total, DownloadUnit unit)
    {
        Started.Enqueue(label);
        return new Sink(Progress);
    }

    public void Info(string message) => Infos.Enqueue(message);

    public void Warn(string message) => Warnings.Enqueue(message);

    private sealed class Sink(ConcurrentQueue<DownloadProgress> sink) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => sink.Enqueue(value);
    }
}
