namespace Aro.Core.Download;

/// <summary>What downloads tell the user: a progress display per file (or set of files), notes and warnings.</summary>
public interface IDownloadObserver
{
    /// <summary>A new download (or a set of files, or an extraction) starts; returns where its progress goes.</summary>
    IProgress<DownloadProgress> Started(string label, long? total, DownloadUnit unit);

    /// <summary>Something worth knowing: a file already present, a retry, where data went.</summary>
    void Info(string message);

    /// <summary>Something the user should act on or know is weaker than usual (a server hash instead of a pinned one).</summary>
    void Warn(string message);
}
