namespace Aro.Core.Text.Pos;

/// <summary>How a <see cref="PerceptronModel"/> was trained, stored in the model file for provenance.</summary>
/// <param name="Iterations">Passes over the training sentences.</param>
/// <param name="Seed">Seed of the per-pass sentence shuffle.</param>
/// <param name="Sentences">Treebank training sentences.</param>
/// <param name="Tokens">Training tokens (syntactic words), synthetic captions included.</param>
/// <param name="CaptionSentences">Synthetic caption sentences trained on besides the treebank.</param>
public sealed record PerceptronTrainingInfo(int Iterations, long Seed, int Sentences, int Tokens, int CaptionSentences);
