namespace Aro.Core.Text.Pos;

/// <summary>How a <see cref="PerceptronModel"/> was trained, stored in the model file for provenance.</summary>
/// <param name="Iterations">Passes over the training sentences.</param>
/// <param name="Seed">Seed of the per-pass sentence shuffle.</param>
/// <param name="Sentences">Training sentences.</param>
/// <param name="Tokens">Training tokens (syntactic words).</param>
public sealed record PerceptronTrainingInfo(int Iterations, long Seed, int Sentences, int Tokens);
