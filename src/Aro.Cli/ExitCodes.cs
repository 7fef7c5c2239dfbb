namespace Aro.Cli;

/// <summary>The exit codes (docs/protocol.md, "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Runtime failure, or a regression found by <c>aro compare</c>.</summary>
    public const int Failure = 1;

    /// <summary>Usage error or invalid input.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl-C / SIGTERM), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
