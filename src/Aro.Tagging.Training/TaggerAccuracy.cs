using Aro.Core;
using Aro.Core.Text.Pos;

namespace Aro.Tagging.Training;

/// <summary>How often a tagger agrees with a treebank's gold tags, per token.</summary>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Tokens">Tokens (syntactic words) scored.</param>
/// <param name="Upos">Share of tokens with the gold Universal tag.</param>
/// <param name="Xpos">Share of tokens with the gold Penn Treebank tag.</param>
/// <param name="NounAdjective">Share of tokens put in the gold class of noun (NN*), adjective (JJ*) or neither:
/// the only decision the Order perturbations take from the tagger.</param>
public sealed record TaggerAccuracy(int Sentences, int Tokens, double Upos, double Xpos, double NounAdjective);
