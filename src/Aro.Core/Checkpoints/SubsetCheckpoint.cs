using Aro.Core.Metrics;
using Aro.Core.Results;

namespace Aro.Core.Checkpoints;

/// <summary>
/// The saved state of one subset run, written after every batch: what the run was (its key), how far it got, the
/// running tallies, and how many bytes of the partial predictions file are complete. Resuming restores the tallies,
/// cuts the predictions file back to <see cref="PredictionBytes"/> and skips the first <see cref="CasesDone"/> cases.
/// </summary>
/// <param name="RunKey">Digest of everything that determines the results (model, data files, seed, limit, shard, policy).</param>
/// <param name="CasesDone">Cases finished (scored or skipped), a prefix of the subset's case order.</param>
/// <param name="PredictionBytes">Length of the partial predictions file at this checkpoint.</param>
/// <param name="Groups">Per-group tallies so far.</param>
/// <param name="Diagnostics">The subset's diagnostic counters so far, if it keeps any.</param>
/// <param name="Skipped">Cases skipped so far.</param>
/// <param name="Complete">True once the subset's final files are in place.</param>
/// <param name="RowsSha256">SHA-256 of the partial predictions file's first <see cref="PredictionBytes"/> bytes, so
/// rows changed after the checkpoint are not resumed from (<see cref="CheckpointFolder.VerifyRows"/>).</param>
public sealed record SubsetCheckpoint(
    string RunKey,
    int CasesDone,
    long PredictionBytes,
    IReadOnlyList<GroupCount> Groups,
    IReadOnlyDictionary<string, int>? Diagnostics,
    IReadOnlyList<SkippedCase> Skipped,
    bool Complete,
    string? RowsSha256);
