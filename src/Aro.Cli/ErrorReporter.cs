using Aro.Core;

namespace Aro.Cli;

/// <summary>
/// The one place exceptions become messages and exit codes: aro's own errors print their message (written for
/// the user), anything else prints its type and message; stack traces only with <c>--verbose</c>.
/// </summary>
public static class ErrorReporter
{
    public static int Report(Exception exception, CliConsole console, bool verbose)
    {
        switch (exception)
        {
            case OperationCanceledException:
                console.Error.WriteLine("aro: interrupted. Finished files are complete and nothing half-written was left; `aro eval ... --resume` continues from the last checkpoint.");
                return ExitCodes.Interrupted;
            case AroException aro:
                console.Error.WriteLine($"aro: error: {aro.Message}");
                WriteTrace(exception, console, verbose);
                return aro.ExitCode;
            default:
                console.Error.WriteLine($"aro: unexpected error: {exception.GetType().Name}: {exception.Message}");
                if (!verbose)
                {
                    console.Error.WriteLine("Run again with --verbose for the stack trace.");
                }

                WriteTrace(exception, console, verbose);
                return ExitCodes.Failure;
        }
    }

    private static void WriteTrace(Exception exception, CliConsole console, bool verbose)
    {
        if (verbose)
        {
            console.Error.WriteLine(exception.ToString());
        }
    }
}
