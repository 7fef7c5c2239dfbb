namespace Aro.Core;

/// <summary>
/// Invalid input: a missing or malformed file, an unknown name, a model package that does not fit.
/// Always exit code 2 (docs/protocol.md, "Exit codes").
/// </summary>
public sealed class AroInputException : AroException
{
    public AroInputException(string message, Exception? inner = null)
        : base(message, 2, inner)
    {
    }
}
