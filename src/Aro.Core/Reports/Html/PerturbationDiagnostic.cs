namespace Aro.Core.Reports.Html;

/// <summary>
/// One Order perturbation's diagnostics over a model's runs of a subset (one per seed): how often it won when the
/// model was wrong, and how often it was string-identical to the original. Counts are summed over the seeds,
/// shares averaged over them.
/// </summary>
/// <param name="Perturbation">The perturbation's name, e.g. <c>shuffle_nouns_and_adj</c>.</param>
/// <param name="WinsWhenWrong">Wrong cases this perturbation won.</param>
/// <param name="WinsShare">Its share of the wrong cases.</param>
/// <param name="Identical">Cases where this perturbation equals the original caption.</param>
/// <param name="IdenticalShare">Its share of all cases.</param>
/// <param name="Runs">How many runs (seeds) the numbers cover.</param>
public sealed record PerturbationDiagnostic(string Perturbation, int WinsWhenWrong, double WinsShare, int Identical, double IdenticalShare, int Runs);
