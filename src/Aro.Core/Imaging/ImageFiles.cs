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

            // Length 0 is an empty file, or a device, pipe or /proc file: reading those may block or never end
            // (/dev/zero), and none is an image.
            if (info.Length == 0)
            {
                throw new ImageLoadException(path, "is empty or not a regular file");
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
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // A NUL character or a malformed path from the case's own data.
            throw new ImageLoadException(path, "is not a valid path: " + ex.Message, ex);
        }
    }
}
