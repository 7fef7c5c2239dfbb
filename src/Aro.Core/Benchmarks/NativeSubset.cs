using Aro.Core.Cases;

namespace Aro.Core.Benchmarks;

/// <summary>
/// A subset of a registered benchmark, read from its official files: where they live (<see cref="Data"/>), how they
/// become cases (<see cref="OpenReader"/>), what they need without building cases (<see cref="ScanAsync"/>, for
/// <c>aro data verify</c> and <c>list</c>) and how they are downloaded (<see cref="Source"/>).
/// </summary>
public abstract class NativeSubset : SubsetDefinition
{
    /// <summary>The folders and marker file that locate this subset's data.</summary>
    public abstract DataLayout Data { get; }

    /// <summary>The number of cases in the official files (a different count is worth a warning), if known.</summary>
    public abstract int? OfficialCases { get; }

    /// <summary>
    /// True when every case id is <c>{IdPrefix}-NNNNNN</c>, so the ids alone say which subset a frozen file holds;
    /// false for benchmarks that keep their own ids (SugarCrepe's JSON keys), whose frozen files name the subset.
    /// </summary>
    public virtual bool IdsNameTheSubset => true;

    /// <summary>True when the cases depend on a seed (generated perturbations): the subset runs once per seed.</summary>
    public virtual bool UsesSeed => false;

    /// <summary>A reader of the subset's cases from its data folder (one that <see cref="Data"/> located).</summary>
    public abstract ICaseReader OpenReader(string folder, int seed);

    /// <summary>How many cases the annotation file holds and which images they need, read without building cases.</summary>
    public abstract Task<SubsetAnnotations> ScanAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>Where <c>aro data pull</c> gets the subset from.</summary>
    public abstract IDataSource Source { get; }
}

/// <summary>
/// Where a subset's data lives: a folder holding <see cref="MarkerFile"/> (its annotation file). Given a data root,
/// the folders in <see cref="Folders"/> are searched in order (VG-Relation: <c>relation/</c>, then <c>vg/</c>, which
/// both VG subsets share); <c>--data DIR</c> may also name the subset's folder itself.
/// </summary>
/// <param name="Folders">Folder names under a data root, in search order; <c>aro data pull</c> fills the last one.</param>
/// <param name="MarkerFile">The file, relative to the subset's folder, whose presence marks it as the subset's root.</param>
public sealed record DataLayout(IReadOnlyList<string> Folders, string MarkerFile);
