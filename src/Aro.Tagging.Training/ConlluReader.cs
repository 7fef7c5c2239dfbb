using Aro.Core;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>
/// Reads the words and tags of a CoNLL-U treebank file (Universal Dependencies): FORM, UPOS and XPOS of every
/// syntactic word. Multiword-token ranges (<c>1-2 don't</c>) and empty nodes (<c>8.1</c>) are skipped, so
/// "don't" is read as its words "do" and "n't", the tokenisation taggers are trained and scored on.
/// </summary>
public static class ConlluReader
{
    /// <summary>Every sentence of <paramref name="path"/>, in file order.</summary>
    public static IReadOnlyList<TaggedSentence> ReadAll(string path) => [.. Read(path)];

    /// <summary>Streams the sentences of <paramref name="path"/>.</summary>
    public static IEnumerable<TaggedSentence> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new AroInputException($"CoNLL-U file not found: {path}");
        }

        var fileName = Path.GetFileName(path);
        var words = new List<string>();
        var tags = new List<PosTag>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.AsSpan().Trim().IsEmpty)
            {
                if (words.Count > 0)
                {
                    yield return new TaggedSentence([.. words], [.. tags]);
                    words.Clear();
                    tags.Clear();
                }

                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 10)
            {
                throw new AroInputException($"{fileName}: line {lineNumber}: expected 10 tab-separated fields, found {fields.Length}");
            }

            if (fields[0].Contains('-') || fields[0].Contains('.'))
            {
                continue;
            }

            if (fields[1].Length == 0 || fields[3].Length == 0 || fields[4].Length == 0)
            {
                throw new AroInputException($"{fileName}: line {lineNumber}: FORM, UPOS and XPOS must not be empty");
            }

            words.Add(fields[1]);
            tags.Add(new PosTag(fields[3], fields[4]));
        }

        if (words.Count > 0)
        {
            yield return new TaggedSentence([.. words], [.. tags]);
        }
    }
}
