using System.CommandLine;
using Aro.Core.Benchmarks;

namespace Aro.Cli.Commands;

/// <summary>The <c>&lt;subset&gt;</c> argument of the data commands: one of the four subsets, or <c>all</c>.</summary>
internal static class SubsetArgument
{
    public static Argument<string> Create() => new Argument<string>("subset")
    {
        Description = $"{string.Join(", ", SubsetRegistry.CommandLineNames)}.",
    }.AcceptOnlyFromAmong([.. SubsetRegistry.CommandLineNames]);

    /// <summary>The subsets the argument names.</summary>
    public static IReadOnlyList<SubsetDefinition> Resolve(string name) =>
        name == SubsetRegistry.AllName ? SubsetRegistry.All : [SubsetRegistry.Find(name)!];

    /// <summary>The <c>--data</c> option of the data commands.</summary>
    public static Option<string?> DataOption() => new("--data")
    {
        Description = "Data root holding <subset>/ folders (VG subsets share vg/), or a subset's own folder. Default: $ARO_DATA, else data/.",
    };
}
