using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.IO;
using Aro.Core.Results;

namespace Aro.Core.Reports.Gallery;

/// <summary>
/// Where the gallery re-reads one subset's cases to find their images: the registered subset's own case reader
/// (<see cref="NativeSubset.OpenReader"/>) over the data folder that holds the annotation file run.json recorded, or
/// a <see cref="CasesJsonlReader"/> when the subset was evaluated from a cases file. Nothing here knows a subset by
/// name: a benchmark registered later works the same way.
/// <para>
/// Without <c>--data</c>, the recorded file is used (run.json writes it relative to the folder aro ran in, else
/// absolute; a relative one is resolved against the current folder). With <c>--data DIR</c>, a registered subset is
/// looked for in DIR as <c>aro eval --data DIR</c> would (<see cref="DataLocator"/>) and a cases file as DIR/its name.
/// A file whose SHA-256 differs from the recorded one is refused: its cases may not be the ones scored.
/// </para>
/// </summary>
public sealed record CaseSource(string Subset, string AnnotationFile, Func<ICaseReader> Open)
{
    /// <summary>Two sources with the same key read the same cases: one pass serves both.</summary>
    public string Key => AnnotationFile;

    /// <summary>The source of <paramref name="subset"/>'s cases, or why there is none (a sentence for the report's notes).</summary>
    /// <param name="subset">The subset's name, as summary.csv and run.json give it.</param>
    /// <param name="seed">The seed run.json records for the run (null for subsets that use none).</param>
    /// <param name="recorded">The annotation or cases file run.json records for it, or null.</param>
    /// <param name="dataDirectory"><c>--data DIR</c>, or null.</param>
    public static (CaseSource? Source, string? Problem) Find(string subset, int? seed, HashedFile? recorded, string? dataDirectory)
    {
        var native = BenchmarkRegistry.FindSubset(subset);
        var recordedNative = native is not null && (recorded is null || IsAnnotationFile(recorded.Path, native));
        string file;
        Func<ICaseReader> open;
        if (recordedNative && native is not null)
        {
            string? folder;
            if (dataDirectory is not null)
            {
                folder = DataLocator.TryResolve(native, dataDirectory, dataDirectory);
                if (folder is null)
                {
                    return (null, $"{native.Title} data not found under --data: expected {DataLocator.Expected(native, dataDirectory, dataDirectory)}");
                }
            }
            else if (recorded is null)
            {
                return (null, "run.json records no data file for it; pass --data DIR");
            }
            else
            {
                var path = Path.GetFullPath(recorded.Path);
                if (!File.Exists(path))
                {
                    return (null, $"its annotation file {path} (recorded in run.json) is not there; pass --data DIR");
                }

                folder = path[..^native.Data.MarkerFile.Length];
            }

            file = Path.GetFullPath(Path.Combine(folder, native.Data.MarkerFile));
            open = () => native.OpenReader(folder, seed ?? 0);
        }
        else if (recorded is null)
        {
            return (null, "run.json records no cases file for it; pass --data DIR");
        }
        else
        {
            file = Path.GetFullPath(dataDirectory is null ? recorded.Path : Path.Combine(dataDirectory, Path.GetFileName(recorded.Path)));
            if (!File.Exists(file))
            {
                return (null, $"its cases file {file} is not there{(dataDirectory is null ? " (recorded in run.json); pass --data DIR" : " (under --data)")}");
            }

            open = () => new CasesJsonlReader(file, subset);
        }

        if (recorded is { Sha256.Length: > 0 } && !string.Equals(FileHashes.Sha256(file), recorded.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"{file} is not the file evaluated (its SHA-256 differs from run.json's), so its cases may not be the ones scored");
        }

        return (new CaseSource(subset, file, open), null);
    }

    /// <summary>
    /// One streaming pass over the cases, stopping once every id in <paramref name="ids"/> is found: where each case's
    /// image is and the box it is cropped to. Ids the cases do not hold are absent from the answer.
    /// </summary>
    public IReadOnlyDictionary<string, CaseImage> FindImages(IReadOnlySet<string> ids)
    {
        var found = new Dictionary<string, CaseImage>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        foreach (var aroCase in Open().ReadAsync().ToBlockingEnumerable())
        {
            if (ids.Contains(aroCase.Id) && !found.ContainsKey(aroCase.Id))
            {
                found[aroCase.Id] = new CaseImage(aroCase.ImagePath, aroCase.Crop);
                if (found.Count == ids.Count)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="path"/> names the subset's own annotation file (not a cases file made from it).</summary>
    private static bool IsAnnotationFile(string path, NativeSubset subset)
    {
        var normalised = path.Replace('\\', '/');
        var marker = subset.Data.MarkerFile.Replace('\\', '/');
        return normalised == marker || normalised.EndsWith("/" + marker, StringComparison.Ordinal);
    }
}
