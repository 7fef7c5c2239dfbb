namespace Aro.Core.Text.Pos;

/// <summary>What the first two Order perturbations need from a tag: is the token a noun, an adjective, or neither.</summary>
public enum NounAdjectiveClass
{
    /// <summary>Neither a noun nor an adjective: shuffled by "all but nouns and adjectives".</summary>
    Other,

    /// <summary><c>NN</c>, <c>NNS</c>, <c>NNP</c>, <c>NNPS</c>.</summary>
    Noun,

    /// <summary><c>JJ</c>, <c>JJR</c>, <c>JJS</c>.</summary>
    Adjective,
}
