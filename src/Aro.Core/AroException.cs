namespace Aro.Core;

/// <summary>
/// Base of every failure aro reports to a user. The message is written for the user: it names the file,
/// the record and the field where that applies. <see cref="ExitCode"/> is what the command line returns.
/// </summary>
public class AroException : Exception
{
    public AroException(string message, int exitCode = 1, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>1 for runtime failures, 2 for usage errors and invalid input.</summary>
    public int ExitCode { get; }
}
