namespace Aro.Core.Imaging;

/// <summary>An image that is missing, unreadable, corrupt or refused; the message names the file.</summary>
public sealed class ImageLoadException : AroException
{
    public ImageLoadException(string path, string problem, Exception? inner = null)
        : base($"image {path}: {problem}", 2, inner)
    {
        ImagePath = path;
        Problem = problem;
    }

    public string ImagePath { get; }

    /// <summary>The reason alone, for <c>skipped.csv</c>.</summary>
    public string Problem { get; }
}
