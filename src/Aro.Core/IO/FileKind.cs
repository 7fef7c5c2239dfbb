namespace Aro.Core.IO;

/// <summary>What a path names once symbolic links are followed (see <see cref="RegularFile.KindOf"/>).</summary>
public enum FileKind
{
    /// <summary>Nothing there (or a symbolic link to nothing).</summary>
    Missing,

    /// <summary>A regular file: the only kind aro reads images, annotations and models from.</summary>
    Regular,

    Directory,

    /// <summary>A named pipe: opening it for reading waits for a writer, maybe forever.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c>, <c>/dev/stdin</c>'s terminal or <c>/dev/random</c>.</summary>
    CharacterDevice,

    BlockDevice,

    Socket,

    /// <summary>The kind could not be read (no permission to look, a loop of symbolic links): opening it reports why.</summary>
    Unknown,
}
