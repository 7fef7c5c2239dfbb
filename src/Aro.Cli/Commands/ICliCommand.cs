using System.CommandLine;

namespace Aro.Cli.Commands;

/// <summary>A top-level command: its System.CommandLine definition and its help examples.</summary>
internal interface ICliCommand
{
    Command Command { get; }

    /// <summary>Examples per command (this one and its subcommands), shown after <c>--help</c>.</summary>
    IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }
}
