using Aro.Core;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>A sentence of a treebank: its words and their gold tags, one tag per word.</summary>
public sealed record TaggedSentence(IReadOnlyList<string> Words, IReadOnlyList<PosTag> Tags);
