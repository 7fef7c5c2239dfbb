
namespace Aro.Core.Cases;

/// <summary>The shard <c>--shard auto</c> found, and where it found it (for the log and run.json).</summary>
/// <param name="Shard">The shard, in <c>--shard i/n</c>'s convention (0-based index).</param>
/// <param name="Source">The variables it came from, e.g. <c>SLURM_ARRAY_TASK_ID=13 (ids 10-19, step 1)</c>.</param>
public sealed record ShardAssignment(Shard Shard, string Source);
