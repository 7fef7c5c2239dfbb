using System.CommandLine;

namespace Aro.Cli;

/// <summary>Options every command shares.</summary>
public static class CommonOptions
{
    /// <summary><c>--verbose</c>: stack traces on errors, more log detail.</summary>
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show stack traces on errors and more detail while running.",
        Recursive = true,
    };
}
