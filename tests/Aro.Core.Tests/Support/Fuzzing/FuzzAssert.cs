using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>The checks every fuzz target ends with, and the memory bounds they hold it to.</summary>
public static class FuzzAssert
{
    /// <summary>
    /// Managed heap growth over a whole target, after full compacting collections. What may legitimately remain:
    /// buffers <c>ArrayPool.Shared</c> keeps (the 1 MiB inputs rent 2 MiB arrays, kept per core and size), statics
    /// initialised on first use (the tagger model, the catalog). What must not: anything kept per input; every target
    /// runs at least 900 inputs, so keeping 36 KB each (one parsed record list, one decoded 37x23 image and its
    /// input) would cross this.
    /// </summary>
    public const long ManagedGrowthBound = 32L << 20;

    /// <summary>
    /// Working-set growth over a whole target: the managed bound plus native memory (Skia's codecs, ONNX Runtime's
    /// arenas in the pipeline target, the native allocator's own retention) and JIT-compiled code.
    /// </summary>
    public const long WorkingSetGrowthBound = 96L << 20;

    public static void Clean(FuzzReport report, ITestOutputHelper output, long allocationBound, int minimumInputs)
    {
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, $"{report.Failures.Count} failures:\n" + string.Join('\n', report.Failures.Take(40)));
        Assert.True(report.Tried >= minimumInputs, $"only {report.Tried} inputs tried, expected at least {minimumInputs}");
        Assert.True(report.MaxAllocatedBytes < allocationBound,
            $"one input allocated {report.MaxAllocatedBytes} bytes, more than {allocationBound}: {report.HeaviestInput}");
        Assert.True(report.ManagedGrowth < ManagedGrowthBound, $"managed heap grew by {report.ManagedGrowth} bytes");
        Assert.True(report.WorkingSetGrowth < WorkingSetGrowthBound, $"working set grew by {report.WorkingSetGrowth} bytes");
    }
}
