using Aro.Core;

namespace Aro.Cli;

/// <summary>
/// The one place failures become messages and exit codes, all in one format: <c>aro: error: </c> and the problem,
/// then what to do. aro's own errors print their message (written for the user, naming what to do); usage errors end
/// with the command's help hint; anything else prints its type and message; stack traces only with <c>--verbose</c>.
/// </summary>
public static class ErrorReporter
{
    /// <summary>The prefix of every error line.</summary>
    public const string Prefix = "aro: error: ";

    public static int Report(Exception exception, CliConsole console, bool verbose)
    {
        switch (exception)
        {
            case OperationCanceledException:
                console.Error.WriteLine("aro: interrupted. Finished files are complete and nothing half-written was left; `aro eval ... --resume` continues from the last checkpoint.");
                return ExitCodes.Interrupted;
            case AroException aro:
                console.Error.WriteLine(Prefix + aro.Message);
                WriteTrace(exception, console, verbose);
                return aro.ExitCode;
            default:
                console.Error.WriteLine($"{Prefix}unexpected {exception.GetType().Name}: {exception.Message}");
                if (!verbose)
                {
                    console.Error.WriteLine("Run again with --verbose for the stack trace, and report it if the message does not say what to fix.");
                }

                WriteTrace(exception, console, verbose);
                return ExitCodes.Failure;
        }
    }

    /// <summary>Usage errors found before anything ran: one line each, then where the command's usage is (exit 2).</summary>
    public static int ReportUsage(IEnumerable<string> problems, string commandPath, CliConsole console)
    {
        foreach (var problem in problems)
        {
            console.Error.WriteLine(Prefix + problem);
        }

        console.Error.WriteLine($"Run '{commandPath} --help' for usage and examples.");
        return ExitCodes.Usage;
    }

    private static void WriteTrace(Exception exception, CliConsole console, bool verbose)
    {
        if (verbose)
        {
            console.Error.WriteLine(exception.ToString());
        }
    }
}
