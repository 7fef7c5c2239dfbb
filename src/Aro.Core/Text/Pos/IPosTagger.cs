namespace Aro.Core.Text.Pos;

/// <summary>Assigns a part of speech to every token of a sentence.</summary>
public interface IPosTagger
{
    /// <summary>One tag per token, in token order. Implementations are safe to call from several threads.</summary>
    IReadOnlyList<PosTag> Tag(IReadOnlyList<string> tokens);
}
