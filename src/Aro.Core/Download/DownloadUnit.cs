namespace Aro.Core.Download;

/// <summary>What a progress count counts.</summary>
public enum DownloadUnit
{
    /// <summary>Bytes of one file.</summary>
    Bytes,

    /// <summary>Files of a set (COCO images), or entries of an archive.</summary>
    Files,
}
