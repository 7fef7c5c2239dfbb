using System.Globalization;

namespace Aro.Core.Cases;

/// <summary>
/// <c>--shard auto</c>: reads this process's shard from the variables the engine running it sets, and gives it in
/// <c>--shard i/n</c>'s convention (<see cref="Shard"/>: 0-based index, n shards). The environment is a parameter,
/// so the rules are tested without touching the process environment.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>SLURM job arrays: <c>SLURM_ARRAY_TASK_ID</c>, with <c>SLURM_ARRAY_TASK_MIN</c> (ids need not start at 0:
/// <c>--array=1-10</c> is shards 0..9), <c>SLURM_ARRAY_TASK_STEP</c> (<c>--array=0-18:2</c>), and the number of
/// tasks from <c>SLURM_ARRAY_TASK_COUNT</c> or from <c>SLURM_ARRAY_TASK_MAX</c>. Index = (id - min) / step. Without
/// a minimum, ids are taken to start at 0. Arrays whose ids are not an evenly spaced range (<c>--array=1,2,5</c>)
/// are refused.</item>
/// <item>Kubernetes Indexed Jobs: <c>JOB_COMPLETION_INDEX</c> (0-based); the pod does not see the Job's
/// <c>completions</c>, so <c>--shards N</c> is required.</item>
/// <item>GitLab <c>parallel:</c> jobs: <c>CI_NODE_INDEX</c> (1-based) of <c>CI_NODE_TOTAL</c>.</item>
/// <item>GitHub Actions sets no such variable: a matrix passes its values explicitly, <c>--shard ${{ matrix.shard }}/N</c>.</item>
/// </list>
/// With <c>--shards N</c> and an engine that states the count, the two must agree. Variables of more than one engine
/// at once are refused rather than guessed between.
/// </remarks>
public static class ShardEnvironment
{
    public const string SlurmTaskId = "SLURM_ARRAY_TASK_ID";
    public const string SlurmTaskCount = "SLURM_ARRAY_TASK_COUNT";
    public const string SlurmTaskMin = "SLURM_ARRAY_TASK_MIN";
    public const string SlurmTaskMax = "SLURM_ARRAY_TASK_MAX";
    public const string SlurmTaskStep = "SLURM_ARRAY_TASK_STEP";
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";
    public const string GitLabIndex = "CI_NODE_INDEX";
    public const string GitLabTotal = "CI_NODE_TOTAL";

    /// <param name="environment">The process environment (or a test's).</param>
    /// <param name="shards">The <c>--shards N</c> value; null when not given.</param>
    public static ShardAssignment Resolve(IReadOnlyDictionary<string, string?> environment, int? shards)
    {
        if (shards is < 1)
        {
            throw new AroInputException(FormattableString.Invariant($"--shards must be 1 or more, found {shards}"));
        }

        var found = new List<string>();
        if (Value(environment, SlurmTaskId) is { } slurm)
        {
            found.Add($"{SlurmTaskId}={slurm}");
        }

        if (Value(environment, KubernetesIndex) is { } kubernetes)
        {
            found.Add($"{KubernetesIndex}={kubernetes}");
        }

        if (Value(environment, GitLabIndex) is { } gitlab)
        {
            found.Add($"{GitLabIndex}={gitlab}");
        }

        if (found.Count > 1)
        {
            throw new AroInputException(
                $"--shard auto found the shard variables of more than one engine ({string.Join(", ", found)}) and will not guess which to follow; pass --shard i/n explicitly");
        }

        if (Value(environment, SlurmTaskId) is not null)
        {
            return Slurm(environment, shards);
        }

        if (Value(environment, KubernetesIndex) is not null)
        {
            return Kubernetes(environment, shards);
        }

        if (Value(environment, GitLabIndex) is not null)
        {
            return GitLab(environment, shards);
        }

        var gitlabHint = Value(environment, GitLabTotal) is { } total
            ? $" ({GitLabTotal}={total} without {GitLabIndex}: this GitLab job does not use parallel:)"
            : "";
        throw new AroInputException(
            $"--shard auto found no shard in the environment{gitlabHint}: it reads SLURM job arrays ({SlurmTaskId} with {SlurmTaskCount} or " +
            $"{SlurmTaskMin}/{SlurmTaskMax}), Kubernetes Indexed Jobs ({KubernetesIndex}, with --shards N) and GitLab parallel jobs " +
            $"({GitLabIndex}/{GitLabTotal}); on GitHub Actions pass the matrix values explicitly, e.g. --shard ${{{{ matrix.shard }}}}/4, " +
            "and elsewhere --shard i/n (0 <= i < n)");
    }

    private static ShardAssignment Slurm(IReadOnlyDictionary<string, string?> environment, int? shards)
    {
        var id = Integer(environment, SlurmTaskId, minimum: 0)!.Value;
        var min = Integer(environment, SlurmTaskMin, minimum: 0);
        var max = Integer(environment, SlurmTaskMax, minimum: 0);
        var count = Integer(environment, SlurmTaskCount, minimum: 1);
        var step = Integer(environment, SlurmTaskStep, minimum: 1);
        if (count is null && max is null)
        {
            throw new AroInputException(
                $"{SlurmTaskId}={Int(id)} is set but neither {SlurmTaskCount} nor {SlurmTaskMax}: the number of shards is unknown; pass --shard i/n explicitly");
        }

        var first = min ?? 0;
        if (max is { } last)
        {
            if (last < first)
            {
                throw new AroInputException($"{SlurmTaskMax}={Int(last)} is below {SlurmTaskMin}={Int(first)}");
            }

            if (step is null && count is > 1)
            {
                // An evenly spaced list (--array=1,3,5) states no step: it follows from the range and the count.
                if ((last - first) % (count.Value - 1) != 0)
                {
                    throw Uneven(first, last, count.Value);
                }

                step = (last - first) / (count.Value - 1);
            }

            step ??= 1;
            var spanned = (last - first) / step.Value + 1;
            if ((last - first) % step.Value != 0 || (count is { } stated && stated != spanned))
            {
                throw Uneven(first, last, count ?? spanned);
            }

            count = spanned;
        }

        step ??= 1;
        if (id < first || (id - first) % step.Value != 0)
        {
            throw new AroInputException(FormattableString.Invariant(
                $"{SlurmTaskId}={id} is not one of the array's ids ({SlurmTaskMin}={first}, step {step}); pass --shard i/n explicitly"));
        }

        var index = (id - first) / step.Value;
        if (index >= count!.Value)
        {
            throw new AroInputException(FormattableString.Invariant(
                $"{SlurmTaskId}={id} is past the array's {count} tasks counted from {first}; if the ids do not start at {first}, set {SlurmTaskMin} (sbatch does) or pass --shard i/n"));
        }

        Agree(shards, count.Value, $"the SLURM array's {Int(count.Value)} tasks");
        var source = FormattableString.Invariant($"{SlurmTaskId}={id} (ids {first}-{first + (count.Value - 1) * step.Value}, step {step})");
        return new ShardAssignment(new Shard(index, count.Value), source);
    }

    private static ShardAssignment Kubernetes(IReadOnlyDictionary<string, string?> environment, int? shards)
    {
        var index = Integer(environment, KubernetesIndex, minimum: 0)!.Value;
        if (shards is not { } count)
        {
            throw new AroInputException(
                $"{KubernetesIndex}={Int(index)} (a Kubernetes Indexed Job) gives this pod's index but not the number of pods: pass --shards N with N = the Job's spec.completions");
        }

        if (index >= count)
        {
            throw new AroInputException(FormattableString.Invariant(
                $"{KubernetesIndex}={index} is not below --shards {count}: --shards must equal the Job's spec.completions"));
        }

        return new ShardAssignment(new Shard(index, count), FormattableString.Invariant($"{KubernetesIndex}={index} of --shards {count}"));
    }

    private static ShardAssignment GitLab(IReadOnlyDictionary<string, string?> environment, int? shards)
    {
        var node = Integer(environment, GitLabIndex, minimum: 1)!.Value;
        if (Integer(environment, GitLabTotal, minimum: 1) is not { } total)
        {
            throw new AroInputException($"{GitLabIndex}={Int(node)} is set but {GitLabTotal} is not: the number of shards is unknown; pass --shard i/n explicitly");
        }

        if (node > total)
        {
            throw new AroInputException(FormattableString.Invariant($"{GitLabIndex}={node} is past {GitLabTotal}={total} (GitLab counts nodes from 1)"));
        }

        Agree(shards, total, FormattableString.Invariant($"{GitLabTotal}={total}"));
        return new ShardAssignment(new Shard(node - 1, total), FormattableString.Invariant($"{GitLabIndex}={node} of {GitLabTotal}={total}"));
    }

    private static void Agree(int? shards, int count, string what)
    {
        if (shards is { } given && given != count)
        {
            throw new AroInputException(FormattableString.Invariant($"--shards {given} disagrees with {what}; leave --shards out or make them equal"));
        }
    }

    private static AroInputException Uneven(int first, int last, int count) => new(FormattableString.Invariant(
        $"the SLURM array's ids ({SlurmTaskMin}={first}, {SlurmTaskMax}={last}, {count} tasks) are not an evenly spaced range; submit it as --array=A-B or --array=A-B:S, or pass --shard i/n explicitly"));

    private static string? Value(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Integer(IReadOnlyDictionary<string, string?> environment, string name, int minimum)
    {
        if (Value(environment, name) is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new AroInputException(FormattableString.Invariant($"{name}='{text}' is not a whole number of {minimum} or more"));
        }

        return value;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The shard <c>--shard auto</c> found, and where it found it (for the log and run.json).</summary>
/// <param name="Shard">The shard, in <c>--shard i/n</c>'s convention (0-based index).</param>
/// <param name="Source">The variables it came from, e.g. <c>SLURM_ARRAY_TASK_ID=13 (ids 10-19, step 1)</c>.</param>
public sealed record ShardAssignment(Shard Shard, string Source);
