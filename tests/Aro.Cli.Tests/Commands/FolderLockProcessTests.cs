using System.Globalization;
using Aro.Cli.Tests.Support;
using Aro.Core;
using Aro.Core.IO;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// <see cref="FolderLock"/> between two real processes: the test probe holds a folder, this process is refused at
/// once naming the probe's process id; killed with SIGKILL, the probe leaves its lock file behind, which this process
/// then takes over with a warning. With file locks disabled in the holder (as on a file system without them), the
/// lock file's record of a live holder still refuses.
/// </summary>
public sealed class FolderLockProcessTests
{
    [Fact]
    public async Task A_folder_held_by_another_process_is_refused_naming_it_and_taken_over_when_it_dies()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("results");
        using var holder = ChildProcess.Start(ChildProcess.StartInfo("Aro.TestProbe", ["hold-folder-lock", folder]));
        Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync());

        var refused = Assert.Throws<AroInputException>(() => FolderLock.Acquire(folder, "aro eval results"));

        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith($"{folder} is in use by process {holder.Id.ToString(CultureInfo.InvariantCulture)} on {Environment.MachineName} (`aro hold-folder-lock {folder}`", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("for the test probe). Wait for it to finish, or write to another folder.", refused.Message, StringComparison.Ordinal);

        holder.Kill();
        await holder.WaitForExitAsync();
        Assert.True(File.Exists(Path.Combine(folder, FolderLock.FileName)), "SIGKILL leaves the lock file");
        var warnings = new List<string>();
        using (var taken = FolderLock.Acquire(folder, "aro eval results", warnings.Add))
        {
            Assert.Equal(holder.Id, taken.TakenOverFrom!.ProcessId);
            Assert.Contains($"took over the lock left by process {holder.Id.ToString(CultureInfo.InvariantCulture)}", Assert.Single(warnings), StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(folder, FolderLock.FileName)));
    }

    [Fact]
    public async Task Without_working_file_locks_a_live_holder_is_still_refused()
    {
        using var temp = new TempDirectory();
        var info = ChildProcess.StartInfo("Aro.TestProbe", ["hold-folder-lock", temp.Path]);
        info.Environment["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1";
        using var holder = ChildProcess.Start(info);
        Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync());

        var refused = Assert.Throws<AroInputException>(() => FolderLock.Acquire(temp.Path, "aro eval results"));

        Assert.Contains($"is in use by process {holder.Id.ToString(CultureInfo.InvariantCulture)}", refused.Message, StringComparison.Ordinal);
        holder.StandardInput.Close();
        await holder.WaitForExitAsync();
        Assert.Equal(0, holder.ExitCode);
        using var free = FolderLock.Acquire(temp.Path, "aro eval results");
        Assert.Null(free.TakenOverFrom);
    }
}
