using Aro.Core.Cases;
using Aro.Core.Perturbations;

namespace Aro.Core.Benchmarks;

/// <summary>
/// What a subset's annotation file asks for, read without building cases: how many cases it holds and which image
/// files (relative to the data folder, in file order, each once) they need. Errors name the file, record and field
/// as the readers do.
/// </summary>
/// <param name="AnnotationFile">The file read.</param>
/// <param name="Cases">Cases it holds (VG: records; Order: captions).</param>
/// <param name="Images">Image paths relative to the data folder, '/'-separated (<c>images/2.jpg</c>, <c>val2014/COCO_val2014_….jpg</c>).</param>
public sealed record SubsetAnnotations(string AnnotationFile, int Cases, IReadOnlyList<string> Images)
{
    /// <summary>The folder, under the data folder, where the VG images live.</summary>
    public const string VgImageFolder = "images";

    public static async Task<SubsetAnnotations> ReadAsync(SubsetDefinition subset, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subset);
        if (subset.NativeFile is null)
        {
            throw new ArgumentException($"{subset.Name} has no native annotation file", nameof(subset));
        }

        var path = Path.GetFullPath(Path.Combine(folder, subset.NativeFile));
        if (!File.Exists(path))
        {
            throw new AroInputException($"{subset.Title} annotations not found: {path}");
        }

        var isVg = subset.Name is SubsetRegistry.RelationName or SubsetRegistry.AttributionName;
        var cases = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var images = new List<string>();
        await foreach (var (record, at) in JsonRecordList.ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            string image;
            if (isVg)
            {
                image = $"{VgImageFolder}/{JsonFields.RequireString(record, "image_path", at)}";
                cases++;
            }
            else
            {
                image = JsonFields.RequireString(record, "image", at);
                cases += JsonFields.RequireStringOrStringArray(record, "caption", at).Count;
            }

            image = image.Replace('\\', '/');
            if (seen.Add(image))
            {
                images.Add(image);
            }
        }

        return new SubsetAnnotations(path, cases, images);
    }

    /// <summary>The images not present under <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> MissingImages(string folder) =>
        [.. Images.Where(image => !File.Exists(Path.Combine(folder, image)))];
}
