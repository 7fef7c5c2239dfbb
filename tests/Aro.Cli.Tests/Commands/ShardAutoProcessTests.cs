using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// <c>--shard auto</c> as the engines run it: each shard a separate aro process with the engine's variables set
/// (docs/scale-out.md), merged into files byte-identical to a single run's.
/// </summary>
public sealed class ShardAutoProcessTests
{
    private static readonly string[] Eval =
        ["eval", "--model", RepoPaths.InRepo("models", "demo"), "--data", RepoPaths.InRepo("data", "demo"), "--subset", "relation,coco-order", "--no-cache", "--threads", "1"];

    public static TheoryData<string, string[], string> Engines() => new()
    {
        // A SLURM array submitted as --array=1-3: ids 1..3 are shards 0..2.
        { "slurm", ["SLURM_ARRAY_TASK_ID={1}", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_MAX=3"], "" },

        // A Kubernetes Indexed Job: the index alone, the count from --shards.
        { "kubernetes", ["JOB_COMPLETION_INDEX={0}"], "3" },

        // GitLab parallel: 3, nodes counted from 1.
        { "gitlab", ["CI_NODE_INDEX={1}", "CI_NODE_TOTAL=3"], "" },
    };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Shards_run_as_processes_merge_into_the_single_run(string engine, string[] variables, string shards)
    {
        using var temp = new TempDirectory();
        var single = await CliRun.InvokeAsync([.. Eval, "--out", temp.File("single")]);
        Assert.True(single.ExitCode == 0, single.Error);

        var processes = new List<System.Diagnostics.Process>();
        for (var i = 0; i < 3; i++)
        {
            string[] args = [.. Eval, "--shard", "auto", .. shards.Length > 0 ? new[] { "--shards", shards } : [], "--out", temp.File($"shard-{i}")];
            var info = ChildProcess.StartInfo("aro", args);
            foreach (var variable in variables)
            {
                var (name, value) = (variable[..variable.IndexOf('=')], variable[(variable.IndexOf('=') + 1)..]);
                info.Environment[name] = value.Replace("{0}", $"{i}", StringComparison.Ordinal).Replace("{1}", $"{i + 1}", StringComparison.Ordinal);
            }

            foreach (var other in new[] { "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "CI_NODE_INDEX" }.Where(v => !variables.Any(x => x.StartsWith(v + "=", StringComparison.Ordinal))))
            {
                info.Environment.Remove(other);
            }

            processes.Add(ChildProcess.Start(info));
        }

        var results = new List<(int ExitCode, string Out, string Error)>();
        foreach (var process in processes)
        {
            using (process)
            {
                results.Add(await ChildProcess.FinishAsync(process, TimeSpan.FromMinutes(5)));
            }
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True(results[i].ExitCode == 0, $"{engine} shard {i}: {results[i].Error}");
            Assert.Contains($"--shard auto: shard {i}/3 from ", results[i].Error);
        }

        var merge = await CliRun.InvokeAsync("merge", temp.File("shard-0"), temp.File("shard-1"), temp.File("shard-2"), "--out", temp.File("merged"));
        Assert.True(merge.ExitCode == 0, merge.Error);
        var files = Directory.GetFiles(temp.File("single"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(temp.File("merged"), "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(temp.File("single", file!)).SequenceEqual(File.ReadAllBytes(temp.File("merged", file!))), $"{engine}: {file} differs from the single run's");
        }
    }

    [Fact]
    public async Task Auto_without_an_engine_is_refused_before_anything_runs()
    {
        using var temp = new TempDirectory();
        var info = ChildProcess.StartInfo("aro", [.. Eval, "--shard", "auto", "--out", temp.File("out")]);
        foreach (var variable in new[] { "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "CI_NODE_INDEX" })
        {
            info.Environment.Remove(variable);
        }

        using var process = ChildProcess.Start(info);
        var (exitCode, output, error) = await ChildProcess.FinishAsync(process, TimeSpan.FromMinutes(2));

        Assert.Equal(2, exitCode);
        Assert.Contains("--shard auto", error);
        Assert.False(File.Exists(temp.File("out", "summary.csv")), output);
    }
}
