using System.Text.RegularExpressions;

namespace Aro.Core.Text.Punkt;

/// <summary>
/// The regular expressions of Punkt's English language variables (NLTK's <c>PunktLanguageVars</c>), with
/// Python's <c>\s</c> and <c>\S</c> spelled out (<see cref="PythonText.SpaceClass"/>): .NET's differ.
/// </summary>
internal static class PunktPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private const string Space = PythonText.SpaceClass;
    private const string NonSpace = PythonText.NonSpaceClass;

    // Characters that cannot be part of a word: brackets, quotes and other punctuation, and the sentence-final
    // characters other than the period.
    private const string NonWord = @"[)"";}\]*:@'({\[?!]";

    // Runs of hyphens or periods, and spaced ellipses (". . .").
    private const string MultiChar = $@"(?:-{{2,}}|\.{{2,}}|(?:\.{Space}){{2,}}\.)";

    // Characters a word may not start with.
    private const string WordStart = @"[^(""`{\[:;&#*@)}\]\-,]";

    /// <summary>
    /// Punkt's word segmentation of one line: a multi-character punctuation mark, or a word (which keeps a final
    /// period, and a comma unless the comma ends it), or any other single non-space character.
    /// </summary>
    public static readonly Regex Word = new(
        $"{MultiChar}|(?={WordStart}){NonSpace}+?(?={Space}|$|{NonWord}|{MultiChar}|,(?=$|{Space}|{NonWord}|{MultiChar}))|{NonSpace}",
        Options);

    /// <summary>
    /// A candidate sentence boundary: a sentence-final character followed by other punctuation or by whitespace
    /// and a next token (<c>next</c>); the whole follower is <c>after</c>.
    /// </summary>
    public static readonly Regex PeriodContext = new(
        $@"[.?!](?=(?<after>{NonWord}|{Space}+(?<next>{NonSpace}+)))",
        Options);

    /// <summary>
    /// Closing quotes and brackets at the start of a sentence that belong to the sentence before it; matched
    /// against the sentence alone (<c>\G</c> = its start, <c>$</c> = the end of any of its lines).
    /// </summary>
    public static readonly Regex BoundaryRealignment = new(
        $@"\G[""')\]}}]+?(?:{Space}+|(?=--)|$)",
        Options | RegexOptions.Multiline);
}
