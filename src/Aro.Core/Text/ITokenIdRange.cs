namespace Aro.Core.Text;

/// <summary>
/// A tokenizer whose ids come from a vocabulary file: the highest id it can give, so that loading can check it against
/// the text graph's token embedding table (an id past the table is an out-of-range Gather in the graph).
/// </summary>
public interface ITokenIdRange
{
    /// <summary>The highest id of the vocabulary (specials included).</summary>
    int HighestId { get; }

    /// <summary>The token that has <see cref="HighestId"/>.</summary>
    string HighestToken { get; }

    /// <summary>The file the vocabulary was read from, for messages.</summary>
    string VocabularySource { get; }
}
