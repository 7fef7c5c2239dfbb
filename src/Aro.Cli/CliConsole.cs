using Spectre.Console;

namespace Aro.Cli;

/// <summary>
/// Where the CLI writes: results to <see cref="Out"/> (stdout), progress, logs and errors to <see cref="Error"/>
/// (stderr), so piping a table never captures a progress bar. Tests pass string writers.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool isTerminal)
    {
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        Results = CreateAnsi(output, isTerminal);
        Status = CreateAnsi(error, isTerminal);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>True when stderr is an interactive terminal: progress bars instead of log lines.</summary>
    public bool IsTerminal { get; }

    /// <summary>Spectre console over <see cref="Out"/>, for tables.</summary>
    public IAnsiConsole Results { get; }

    /// <summary>Spectre console over <see cref="Error"/>, for progress.</summary>
    public IAnsiConsole Status { get; }

    public static CliConsole FromSystem() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>The width tables get in logs and pipes, where no terminal says how wide it is (Spectre's default is 80).</summary>
    public const int RedirectedWidth = 120;

    private static IAnsiConsole CreateAnsi(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
