using Aro.Core.Models;

namespace Aro.Core.Bench;

/// <summary>What <c>aro bench</c> measures with.</summary>
/// <param name="Cases">Cases in the generated dataset (one distinct image and two distinct captions each).</param>
/// <param name="BatchSize">Cases per pipeline batch; images per bare vision batch (text batches are twice that, as in eval).</param>
/// <param name="Runtime">ONNX Runtime settings, the same for the bare encoders and the pipeline.</param>
/// <param name="DecodeThreads">Pipeline decode threads (0: the eval default).</param>
/// <param name="WorkDir">Where the dataset is generated (deleted afterwards).</param>
/// <param name="Overlap">Whether the pipeline decodes the next batch while the encoders run; null: by core count (see <see cref="Pipeline.EvaluationSettings.Overlap"/>).</param>
/// <param name="Profile">Time every stage of the pipeline run (<see cref="Pipeline.PipelineProfiler"/>).</param>
/// <param name="Simulated">
/// Replace both graphs by <see cref="SimulatedEncoders"/> of these speeds (images/s, captions/s), with the settings a
/// GPU gets: the bare figures are then these speeds, and the run shows whether this machine's cores keep such
/// encoders busy.
/// </param>
/// <param name="PageLock">
/// Page-lock the pixel tensors, the bare vision graph's input as well as the pipeline's (see
/// <see cref="Pipeline.EvaluationSettings.PageLockTensors"/>); null: on a GPU only.
/// </param>
public sealed record BenchSettings(int Cases, int BatchSize, RuntimeOptions Runtime, int DecodeThreads, string WorkDir, bool? Overlap = null,
    bool Profile = false, (double ImagesPerSecond, double CaptionsPerSecond)? Simulated = null, bool? PageLock = null);
