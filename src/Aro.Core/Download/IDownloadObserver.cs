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

/// <summary>How far one download (or one set of files) has come.</summary>
/// <param name="Done">Bytes (or files) so far, counting what an earlier run left to resume from.</param>
/// <param name="Total">The total, when known.</param>
/// <param name="Finished">True on the last report.</param>
public sealed record DownloadProgress(long Done, long? Total, bool Finished = false);

/// <summary>What a progress count counts.</summary>
public enum DownloadUnit
{
    /// <summary>Bytes of one file.</summary>
    Bytes,

    /// <summary>Files of a set (COCO images), or entries of an archive.</summary>
    Files,
}
