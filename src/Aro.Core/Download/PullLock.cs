using Aro.Core.IO;

namespace Aro.Core.Download;

/// <summary>
/// Keeps two aro processes from pulling into the same place at once (they would append to the same <c>.part</c>
/// files): an exclusively opened lock file, removed when the pull ends. A lock left by a killed process is not
/// held by anyone, so the next pull simply takes it.
/// </summary>
public sealed class PullLock : IDisposable
{
    private readonly FileStream _stream;

    private PullLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock at <paramref name="path"/>, or fails saying another pull holds it.</summary>
    public static PullLock Acquire(string path, string what)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            Directory.CreateDirectory(folder);
            return new PullLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException ex) when (FileSystemErrors.Classify(ex) == FileSystemProblem.InUse)
        {
            throw new AroException($"another aro is already pulling {what} ({path} is locked); wait for it to finish, then run this again.", 1, ex);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"pull {what}: {folder} cannot be written to", path: path);
        }
    }

    public void Dispose() => _stream.Dispose();
}
