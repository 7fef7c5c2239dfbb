using Aro.Core.Models;

namespace Aro.Core.Bench;

/// <summary>What <c>aro bench</c> measures with.</summary>
/// <param name="Cases">Cases in the generated dataset (one distinct image and two distinct captions each).</param>
/// <param name="BatchSize">Cases per pipeline batch; images per bare vision batch (text batches are twice that, as in eval).</param>
/// <param name="Runtime">ONNX Runtime settings, the same for the bare encoders and the pipeline.</param>
/// <param name="DecodeThreads">Pipeline decode threads (0: the eval default).</param>
/// <param name="WorkDir">Where the dataset is generated (deleted afterwards).</param>
/// <param name="Overlap">Whether the pipeline decodes the next batch while the encoders run; null: by core count (see <see cref="Eval.EvaluationSettings.Overlap"/>).</param>
public sealed record BenchSettings(int Cases, int BatchSize, RuntimeOptions Runtime, int DecodeThreads, string WorkDir, bool? Overlap = null);
