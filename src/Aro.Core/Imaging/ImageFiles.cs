namespace Aro.Core.Imaging;

/// <summary>Reads image files, turning I/O failures into <see cref="ImageLoadException"/>s that name the file.</summary>
public static class ImageFiles
{
    /// <summary>Files larger than this are refused unread: no real benchmark image comes close.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    public static byte[] Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ImageLoadException(path, "file not found");
            }

            if (info.Length > MaxBytes)
            {
                throw new ImageLoadException(path, $"is {info.Length} bytes, more than the limit of {MaxBytes}");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImageLoadException(path, "file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException(path, "cannot be read: " + ex.Message, ex);
        }
    }
}
