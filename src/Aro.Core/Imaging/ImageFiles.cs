using Aro.Core.IO;

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
            // Only regular files, also behind symbolic links: a FIFO or /dev/stdin would block the run forever and
            // /dev/zero never ends. Refused before anything opens them.
            switch (RegularFile.KindOf(path))
            {
                case FileKind.Missing:
                    throw new ImageLoadException(path, "file not found");
                case FileKind.Regular or FileKind.Unknown:
                    break;
                default:
                    throw new ImageLoadException(path, RegularFile.Problem(path) ?? "is not a regular file");
            }

            using var stream = RegularFile.OpenRead(path, "image", 1);
            var length = stream.Length;
            if (length > MaxBytes)
            {
                throw new ImageLoadException(path, $"is {length} bytes, more than the limit of {MaxBytes}");
            }

            if (length == 0)
            {
                throw new ImageLoadException(path, "is empty");
            }

            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (AroInputException ex)
        {
            // RegularFile's refusal of a file that changed kind between the check and the open.
            throw new ImageLoadException(path, ex.Message, ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new ImageLoadException(path, "became shorter while it was read", ex);
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
