namespace Aro.Core.Benchmarks;

/// <summary>
/// Where a subset's data lives: a folder holding <see cref="MarkerFile"/> (its annotation file). Given a data root,
/// the folders in <see cref="Folders"/> are searched in order (VG-Relation: <c>relation/</c>, then <c>vg/</c>, which
/// both VG subsets share); <c>--data DIR</c> may also name the subset's folder itself.
/// </summary>
/// <param name="Folders">Folder names under a data root, in search order; <c>aro data pull</c> fills the last one.</param>
/// <param name="MarkerFile">The file, relative to the subset's folder, whose presence marks it as the subset's root.</param>
public sealed record DataLayout(IReadOnlyList<string> Folders, string MarkerFile);
