using System.CommandLine;
using Aro.Core;
using Aro.Core.Benchmarks;

namespace Aro.Cli.Commands;

/// <summary>The <c>&lt;subset&gt;</c> argument of the data commands: a registered subset, or a benchmark's name (<c>aro</c>, <c>sugarcrepe</c>, <c>all</c>).</summary>
internal static class SubsetArgument
{
    public static Argument<string> Create() => new Argument<string>("subset")
    {
        Description = $"{string.Join(", ", BenchmarkRegistry.Names)}.",
    }.AcceptOnlyFromAmong([.. BenchmarkRegistry.Names]);

    /// <summary>The subsets the argument names (through the one <c>--subset</c> grammar, without cases files).</summary>
    public static IReadOnlyList<NativeSubset> Resolve(string name)
    {
        var selection = SubsetSelection.Parse(name);
        return selection.Entries.All(e => e.Native is not null)
            ? selection.NativeSubsets
            : throw new AroInputException($"'{name}' is a cases file; the data commands take a subset or benchmark name ({string.Join(", ", BenchmarkRegistry.Names)})");
    }

    /// <summary>The <c>--data</c> option of the data commands.</summary>
    public static Option<string?> DataOption() => new("--data")
    {
        Description = "Data root holding <subset>/ folders (VG subsets share vg/, SugarCrepe's sugarcrepe/), or a subset's own folder. Default: $ARO_DATA, else data/.",
    };
}
