using System.Diagnostics;
using System.Globalization;
using Aro.Core.IO;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.IO;

/// <summary>
/// <see cref="FolderLock"/> within one process and against lock files left behind; two real processes (a holder
/// killed with SIGKILL, a holder on a file system without working locks) are in the CLI tests' FolderLockProcessTests.
/// </summary>
public sealed class FolderLockTests
{
    [Fact]
    public void The_lock_file_names_its_holder_and_is_removed_on_release()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("results");
        var path = Path.Combine(folder, FolderLock.FileName);

        using (var held = FolderLock.Acquire(folder, "aro eval results"))
        {
            Assert.True(File.Exists(path));
            var owner = FolderLock.ReadOwner(folder)!;
            Assert.Equal(Environment.ProcessId, owner.ProcessId);
            Assert.Equal(Environment.MachineName, owner.Host);
            Assert.Equal("aro eval results", owner.Purpose);
            Assert.True(owner.IsRunningHere());
            Assert.Null(held.TakenOverFrom);
        }

        Assert.False(File.Exists(path));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_second_acquirer_is_refused_at_once_naming_the_holder()
    {
        using var temp = new TempDirectory();
        using var held = FolderLock.Acquire(temp.Path, "aro eval results");
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<AroInputException>(() => FolderLock.Acquire(temp.Path, "aro merge output"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(2, error.ExitCode);
        Assert.Equal($"{temp.Path} is in use by this same process (aro eval results). Wait for it to finish, or write to another folder.", error.Message);
        using (FolderLock.Acquire(temp.File("other"), "aro eval results"))
        {
            // Another folder is another lock.
        }
    }

    [Fact]
    public void A_stale_lock_of_a_dead_process_is_taken_over_with_a_warning()
    {
        using var temp = new TempDirectory();
        var dead = DeadProcessId();
        var stale = new FolderLockOwner(dead, Environment.MachineName, DateTime.UtcNow.AddMinutes(-5), "aro eval --model clip", "aro eval results");
        File.WriteAllBytes(Path.Combine(temp.Path, FolderLock.FileName), stale.ToJson());
        var warnings = new List<string>();

        using var taken = FolderLock.Acquire(temp.Path, "aro eval results", warnings.Add);

        Assert.Equal(dead, taken.TakenOverFrom!.ProcessId);
        var warning = Assert.Single(warnings);
        Assert.StartsWith($"{temp.Path}: took over the lock left by process {dead.ToString(CultureInfo.InvariantCulture)} on {Environment.MachineName} (`aro eval --model clip`", warning, StringComparison.Ordinal);
        Assert.EndsWith("which is no longer running", warning, StringComparison.Ordinal);
        Assert.Equal(Environment.ProcessId, FolderLock.ReadOwner(temp.Path)!.ProcessId);
    }

    [Fact]
    public void A_recorded_process_id_that_was_reused_since_is_a_stale_lock()
    {
        using var temp = new TempDirectory();

        // This process's id, but a start time it never had: the id was reused by someone else.
        var reused = new FolderLockOwner(Environment.ProcessId, Environment.MachineName, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc), "aro eval", "aro eval results");
        File.WriteAllBytes(Path.Combine(temp.Path, FolderLock.FileName), reused.ToJson());

        using var taken = FolderLock.Acquire(temp.Path, "aro eval results");

        Assert.NotNull(taken.TakenOverFrom);
    }

    [Fact]
    public void A_lock_file_of_garbage_is_replaced()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, FolderLock.FileName), "{ not json");

        using var taken = FolderLock.Acquire(temp.Path, "aro eval results");

        Assert.Null(taken.TakenOverFrom);
        Assert.Equal(Environment.ProcessId, FolderLock.ReadOwner(temp.Path)!.ProcessId);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_a_clean_error()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("out", "a file");

        var error = Assert.Throws<AroInputException>(() => FolderLock.Acquire(file, "aro eval results"));

        Assert.Equal($"cannot create the folder {file}: a part of the path is a file, not a folder; choose a folder, not a file", error.Message);
    }

    [Fact]
    public void Owner_records_round_trip_and_garbage_reads_as_none()
    {
        var owner = new FolderLockOwner(42, "host-a", new DateTime(2025, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc), "aro eval --out 'my results'", "aro eval results");

        Assert.Equal(owner, FolderLockOwner.Parse(owner.ToJson()));
        Assert.Null(FolderLockOwner.Parse([]));
        Assert.Null(FolderLockOwner.Parse("[1,2]"u8));
        Assert.Null(FolderLockOwner.Parse("{\"pid\": \"x\"}"u8));
        Assert.False(owner.IsRunningHere());
        Assert.Equal("process 42 on host-a (`aro eval --out 'my results'`, started 2025-03-04 05:06:07Z, for aro eval results)", owner.Describe());
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
