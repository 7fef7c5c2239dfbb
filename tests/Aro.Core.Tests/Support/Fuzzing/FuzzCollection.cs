using Xunit;

namespace Aro.Core.Tests.Support.Fuzzing;

/// <summary>
/// The fuzz suites run alone, never beside other tests: they measure the process's memory and per-input
/// allocations, which other tests running in parallel would inflate.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
