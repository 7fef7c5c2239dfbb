namespace Aro.Core.Text;

/// <summary>
/// Python's notion of whitespace, for code that must reproduce Python string handling exactly
/// (<c>str.isspace</c>, <c>str.split()</c> and the regex class <c>\s</c> on <c>str</c> patterns).
/// .NET's <see cref="char.IsWhiteSpace(char)"/> and regex <c>\s</c> differ from it: Python also counts the
/// information separators U+001C..U+001F as whitespace.
/// </summary>
internal static class PythonText
{
    /// <summary>True where Python's <c>str.isspace()</c> is true for the single character.</summary>
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    /// <summary>Python's <c>str.split()</c> without arguments: runs of whitespace separate, no empty parts.</summary>
    public static List<string> SplitOnWhitespace(string text)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsSpace(text[i]))
            {
                if (start >= 0)
                {
                    parts.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            parts.Add(text[start..]);
        }

        return parts;
    }
}
