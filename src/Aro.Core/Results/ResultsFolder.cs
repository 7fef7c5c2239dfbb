namespace Aro.Core.Results;

/// <summary>A results folder written by <c>aro eval</c>, read back for <c>aro report</c> and <c>aro compare</c>.</summary>
/// <param name="Directory">The folder.</param>
/// <param name="SummaryPath">Its summary.csv.</param>
/// <param name="Summary">summary.csv's rows in file order.</param>
/// <param name="GroupTables">Every group table found for the summary's subsets (empty when not asked for).</param>
/// <param name="Seeds">seeds.csv, per subset (empty without the file).</param>
/// <param name="Provenance">run.json, or null without the file.</param>
/// <param name="DiagnosticTables">Every diagnostics file found for the summary's subsets (empty when not asked for).</param>
public sealed record ResultsFolder(
    string Directory,
    string SummaryPath,
    IReadOnlyList<SummaryRow> Summary,
    IReadOnlyList<GroupTable> GroupTables,
    IReadOnlyList<SeedStatistics> Seeds,
    RunProvenance? Provenance,
    IReadOnlyList<DiagnosticTable> DiagnosticTables)
{
    /// <summary>The model's name from run.json, else the folder's name.</summary>
    public string ModelName => Provenance?.ModelName is { Length: > 0 } name ? name : System.IO.Path.GetFileName(Directory);

    public SummaryRow? Row(string subset) => Summary.FirstOrDefault(r => r.Subset == subset);

    public SeedStatistics? SeedsOf(string subset) => Seeds.FirstOrDefault(s => s.Subset == subset);

    /// <summary>The subset's group tables: one for a single run, one per seed (in seed order) for an Order subset run with several.</summary>
    public IReadOnlyList<GroupTable> TablesOf(string subset) => [.. GroupTables.Where(t => t.Subset == subset)];

    /// <summary>The subset's diagnostics files: one for a single run, one per seed for a subset run with several.</summary>
    public IReadOnlyList<DiagnosticTable> DiagnosticsOf(string subset) => [.. DiagnosticTables.Where(t => t.Subset == subset)];
}
