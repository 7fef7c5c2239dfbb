namespace Aro.Core.Text.Pos;

/// <summary>
/// The part of speech of one token in two tag sets: Universal Dependencies (<c>NOUN</c>, <c>ADJ</c>, ...) and the
/// Penn Treebank tags of English (<c>NN</c>, <c>JJS</c>, ...), the set the ARO perturbations test.
/// </summary>
public readonly record struct PosTag(string Upos, string Xpos)
{
    /// <summary>A Penn Treebank noun: <c>NN</c>, <c>NNS</c>, <c>NNP</c> or <c>NNPS</c> (what spaCy's <c>tag_</c> gives ARO).</summary>
    public bool IsNoun => Xpos is "NN" or "NNS" or "NNP" or "NNPS";

    /// <summary>A Penn Treebank adjective: <c>JJ</c>, <c>JJR</c> or <c>JJS</c>.</summary>
    public bool IsAdjective => Xpos is "JJ" or "JJR" or "JJS";

    /// <summary>The Order perturbations' three-way decision: noun, adjective or neither.</summary>
    public NounAdjectiveClass NounAdjective => IsNoun ? NounAdjectiveClass.Noun : IsAdjective ? NounAdjectiveClass.Adjective : NounAdjectiveClass.Other;

    public override string ToString() => $"{Upos}/{Xpos}";
}
