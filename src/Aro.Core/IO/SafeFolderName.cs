using System.Text;

namespace Aro.Core.IO;

/// <summary>
/// A name from a file (a model manifest's <c>name</c>) made safe to use as one folder name: path separators, control
/// characters, characters no file system accepts and leading dots become <c>_</c>, so <c>../../x</c> cannot put results
/// outside <c>results/</c>; an empty result becomes <c>model</c>.
/// </summary>
public static class SafeFolderName
{
    private const int MaxLength = 100;

    public static string Of(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var text = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var c in name.Take(MaxLength))
        {
            text.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || invalid.Contains(c) ? '_' : c);
        }

        var result = text.ToString().Trim();
        while (result.StartsWith('.'))
        {
            result = "_" + result[1..];
        }

        return result.Length == 0 ? "model" : result;
    }
}
