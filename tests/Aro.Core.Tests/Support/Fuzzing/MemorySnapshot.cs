using System.Diagnostics;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>The managed heap and the process working set after an aggressive, compacting full collection.</summary>
public readonly record struct MemorySnapshot(long ManagedBytes, long WorkingSetBytes)
{
    public static MemorySnapshot Take()
    {
        // Aggressive mode also returns freed regions to the OS, so the working set reflects what is still live
        // rather than what the GC keeps around after a large transient buffer.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new MemorySnapshot(managed, process.WorkingSet64);
    }
}
