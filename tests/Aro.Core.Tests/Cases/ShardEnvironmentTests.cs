using Aro.Core.Cases;
using Xunit;

namespace Aro.Core.Tests.Cases;

/// <summary><c>--shard auto</c>: each engine's variables, as the engine sets them, to <c>--shard i/n</c>'s 0-based shards.</summary>
public sealed class ShardEnvironmentTests
{
    private static Dictionary<string, string?> Env(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);

    [Theory]
    // sbatch --array=0-9: ids 0..9
    [InlineData("0", "10", "0", "9", "1", 0, 10)]
    [InlineData("9", "10", "0", "9", "1", 9, 10)]
    // sbatch --array=1-10: ids start at 1, shards at 0
    [InlineData("1", "10", "1", "10", "1", 0, 10)]
    [InlineData("10", "10", "1", "10", "1", 9, 10)]
    // sbatch --array=100-103
    [InlineData("102", "4", "100", "103", "1", 2, 4)]
    // sbatch --array=0-18:2: ids 0, 2, ..., 18
    [InlineData("6", "10", "0", "18", "2", 3, 10)]
    // sbatch --array=1,3,5,7 (an even list: no step variable)
    [InlineData("5", "4", "1", "7", null, 2, 4)]
    // only the count (ids assumed to start at 0)
    [InlineData("3", "8", null, null, null, 3, 8)]
    // only min and max
    [InlineData("12", null, "10", "19", null, 2, 10)]
    // an array of one task
    [InlineData("7", "1", "7", "7", "1", 0, 1)]
    public void Slurm_arrays(string id, string? count, string? min, string? max, string? step, int index, int shards)
    {
        var assignment = ShardEnvironment.Resolve(Env(
            ("SLURM_ARRAY_TASK_ID", id), ("SLURM_ARRAY_TASK_COUNT", count), ("SLURM_ARRAY_TASK_MIN", min),
            ("SLURM_ARRAY_TASK_MAX", max), ("SLURM_ARRAY_TASK_STEP", step), ("SLURM_JOB_ID", "4242")), shards: null);
        Assert.Equal(new Shard(index, shards), assignment.Shard);
        Assert.StartsWith($"SLURM_ARRAY_TASK_ID={id} (ids ", assignment.Source);
    }

    [Fact]
    public void Every_slurm_task_gets_a_different_shard_and_together_they_cover_all()
    {
        // sbatch --array=5-29:3 -> ids 5, 8, ..., 29: 9 tasks.
        var shards = Enumerable.Range(0, 9)
            .Select(i => ShardEnvironment.Resolve(Env(
                ("SLURM_ARRAY_TASK_ID", (5 + 3 * i).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("SLURM_ARRAY_TASK_COUNT", "9"), ("SLURM_ARRAY_TASK_MIN", "5"), ("SLURM_ARRAY_TASK_MAX", "29"), ("SLURM_ARRAY_TASK_STEP", "3")), null).Shard)
            .ToList();
        Assert.Equal(Enumerable.Range(0, 9).Select(i => new Shard(i, 9)), shards);
        Assert.Equal("SLURM_ARRAY_TASK_ID=29 (ids 5-29, step 3)", ShardEnvironment.Resolve(Env(
            ("SLURM_ARRAY_TASK_ID", "29"), ("SLURM_ARRAY_TASK_COUNT", "9"), ("SLURM_ARRAY_TASK_MIN", "5"), ("SLURM_ARRAY_TASK_MAX", "29"), ("SLURM_ARRAY_TASK_STEP", "3")), null).Source);
    }

    [Theory]
    // --array=1,2,5: not evenly spaced; with a step variable every task sees it, without one the task off the
    // spacing the range and count imply does (and aro merge then finds its shard missing)
    [InlineData("5", "3", "1", "5", "1", "not an evenly spaced range")]
    [InlineData("2", "3", "1", "5", null, "is not one of the array's ids")]
    [InlineData("2", "4", "1", "5", null, "not an evenly spaced range")]
    // the count and the range disagree
    [InlineData("2", "4", "0", "9", "1", "not an evenly spaced range")]
    // an id off the step
    [InlineData("3", "10", "0", "18", "2", "is not one of the array's ids")]
    // an id below the minimum
    [InlineData("0", "4", "1", "4", "1", "is not one of the array's ids")]
    // only the count, and ids that in fact start at 1
    [InlineData("4", "4", null, null, null, "is past the array's 4 tasks")]
    // no count and no max
    [InlineData("4", null, "0", null, null, "neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX")]
    [InlineData("x", "4", "0", "3", null, "SLURM_ARRAY_TASK_ID='x' is not a whole number")]
    [InlineData("-1", "4", "0", "3", null, "SLURM_ARRAY_TASK_ID='-1' is not a whole number of 0 or more")]
    [InlineData("1", "4", "5", "3", null, "SLURM_ARRAY_TASK_MAX=3 is below SLURM_ARRAY_TASK_MIN=5")]
    public void Slurm_arrays_aro_cannot_shard_by_are_refused(string id, string? count, string? min, string? max, string? step, string message)
    {
        var error = Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(Env(
            ("SLURM_ARRAY_TASK_ID", id), ("SLURM_ARRAY_TASK_COUNT", count), ("SLURM_ARRAY_TASK_MIN", min),
            ("SLURM_ARRAY_TASK_MAX", max), ("SLURM_ARRAY_TASK_STEP", step)), shards: null));
        Assert.Contains(message, error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void Shards_given_beside_slurm_or_gitlab_must_agree_with_the_engine()
    {
        var slurm = Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_MAX", "3"));
        Assert.Equal(new Shard(2, 4), ShardEnvironment.Resolve(slurm, 4).Shard);
        Assert.Contains("--shards 5 disagrees with the SLURM array's 4 tasks", Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(slurm, 5)).Message);

        var gitlab = Env(("CI_NODE_INDEX", "1"), ("CI_NODE_TOTAL", "3"));
        Assert.Contains("--shards 2 disagrees with CI_NODE_TOTAL=3", Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(gitlab, 2)).Message);
    }

    [Fact]
    public void Kubernetes_indexed_jobs_need_the_number_of_completions()
    {
        var pod = Env(("JOB_COMPLETION_INDEX", "3"), ("HOSTNAME", "eval-3-abcde"));
        Assert.Equal(new ShardAssignment(new Shard(3, 8), "JOB_COMPLETION_INDEX=3 of --shards 8"), ShardEnvironment.Resolve(pod, 8));
        Assert.Equal(new Shard(0, 1), ShardEnvironment.Resolve(Env(("JOB_COMPLETION_INDEX", "0")), 1).Shard);

        Assert.Contains("pass --shards N with N = the Job's spec.completions", Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(pod, null)).Message);
        Assert.Contains("JOB_COMPLETION_INDEX=3 is not below --shards 3", Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(pod, 3)).Message);
    }

    [Theory]
    [InlineData("1", "4", 0, 4)]
    [InlineData("4", "4", 3, 4)]
    [InlineData("1", "1", 0, 1)]
    public void Gitlab_parallel_nodes_count_from_1(string node, string total, int index, int shards) =>
        Assert.Equal(new Shard(index, shards), ShardEnvironment.Resolve(Env(("CI_NODE_INDEX", node), ("CI_NODE_TOTAL", total), ("GITLAB_CI", "true")), null).Shard);

    [Theory]
    [InlineData("0", "4", "CI_NODE_INDEX='0' is not a whole number of 1 or more")]
    [InlineData("5", "4", "CI_NODE_INDEX=5 is past CI_NODE_TOTAL=4")]
    [InlineData("2", null, "CI_NODE_INDEX=2 is set but CI_NODE_TOTAL is not")]
    public void Gitlab_variables_that_do_not_fit_are_refused(string node, string? total, string message) =>
        Assert.Contains(message, Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(Env(("CI_NODE_INDEX", node), ("CI_NODE_TOTAL", total)), null)).Message);

    [Fact]
    public void Without_any_engine_it_refuses_and_names_what_it_looked_for()
    {
        var error = Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(Env(("PATH", "/usr/bin"), ("GITHUB_ACTIONS", "true"), ("SLURM_ARRAY_TASK_ID", "")), null));
        foreach (var name in new[] { "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX", "JOB_COMPLETION_INDEX", "CI_NODE_INDEX", "CI_NODE_TOTAL" })
        {
            Assert.Contains(name, error.Message);
        }

        Assert.Contains("on GitHub Actions pass the matrix values explicitly, e.g. --shard ${{ matrix.shard }}/4", error.Message);

        // A GitLab job without parallel: has CI_NODE_TOTAL=1 and no index.
        Assert.Contains("CI_NODE_TOTAL=1 without CI_NODE_INDEX: this GitLab job does not use parallel:",
            Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(Env(("CI_NODE_TOTAL", "1")), null)).Message);
        Assert.Contains("--shards must be 1 or more", Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(Env(), 0)).Message);
    }

    [Fact]
    public void Two_engines_at_once_are_refused_rather_than_guessed_between()
    {
        var error = Assert.Throws<AroInputException>(() => ShardEnvironment.Resolve(
            Env(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "2"), ("CI_NODE_INDEX", "2"), ("CI_NODE_TOTAL", "2")), null));
        Assert.Contains("more than one engine (SLURM_ARRAY_TASK_ID=1, CI_NODE_INDEX=2)", error.Message);

        // A SLURM array started from a GitLab job that is not parallel is just a SLURM array.
        Assert.Equal(new Shard(1, 2), ShardEnvironment.Resolve(Env(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "2"), ("CI_NODE_TOTAL", "1")), null).Shard);
    }
}
