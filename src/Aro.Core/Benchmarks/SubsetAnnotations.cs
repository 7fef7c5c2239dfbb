namespace Aro.Core.Benchmarks;

/// <summary>
/// What a subset's annotation files ask for, read without building cases: how many cases they hold and which image
/// files (relative to the data folder, in file order, each once) those cases need. Made by
/// <see cref="NativeSubset.ScanAsync"/>; errors name the file, record and field as the readers do.
/// </summary>
/// <param name="AnnotationFile">The marker file read (the first, when a subset has several).</param>
/// <param name="Cases">Cases the files hold.</param>
/// <param name="Images">Image paths relative to the data folder, '/'-separated (<c>images/2.jpg</c>, <c>val2014/COCO_val2014_….jpg</c>).</param>
public sealed record SubsetAnnotations(string AnnotationFile, int Cases, IReadOnlyList<string> Images)
{
    /// <summary>The images not present under <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> MissingImages(string folder) =>
        [.. Images.Where(image => !File.Exists(Path.Combine(folder, image)))];

    /// <summary>Collects image paths in first-seen order, each once, with '\' normalised to '/'.</summary>
    public sealed class Builder(string annotationFile)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<string> _images = [];
        private int _cases;

        public void AddCases(int count) => _cases += count;

        public void AddImage(string relativePath)
        {
            var image = relativePath.Replace('\\', '/');
            if (_seen.Add(image))
            {
                _images.Add(image);
            }
        }

        public SubsetAnnotations Build() => new(annotationFile, _cases, _images);
    }
}
