using Aro.Core.Text.Pos;

namespace Aro.Core.Tests.Support;

/// <summary>A tagger for tests: each word's Penn Treebank tag from a fixed list, <c>DT</c> for any other word.</summary>
public sealed class WordListTagger(IReadOnlyDictionary<string, string> xposOfWord) : IPosTagger
{
    public IReadOnlyList<PosTag> Tag(IReadOnlyList<string> tokens) =>
        [.. tokens.Select(token => new PosTag("X", xposOfWord.TryGetValue(token, out var xpos) ? xpos : "DT"))];
}
