namespace Aro.Core.Text.Punkt;

/// <summary>
/// Punkt's orthographic-context flags (NLTK's <c>_ORTHO_*</c> constants): in which positions and cases the
/// training text showed a word type. BEG = first word of a sentence, MID = inside one, UNK = after a period that
/// was not certainly a boundary; UC / LC = upper / lower-case first letter.
/// </summary>
internal static class OrthographicContext
{
    public const int BeginUpper = 1 << 1;
    public const int MiddleUpper = 1 << 2;
    public const int UnknownUpper = 1 << 3;
    public const int BeginLower = 1 << 4;
    public const int MiddleLower = 1 << 5;
    public const int UnknownLower = 1 << 6;

    /// <summary>Seen with an upper-case first letter anywhere.</summary>
    public const int Upper = BeginUpper + MiddleUpper + UnknownUpper;

    /// <summary>Seen with a lower-case first letter anywhere.</summary>
    public const int Lower = BeginLower + MiddleLower + UnknownLower;
}
