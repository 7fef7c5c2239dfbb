using Aro.Core.IO;
using Aro.Core.Models;

namespace Aro.Core.Pipeline;

/// <summary>How a subset is run.</summary>
/// <param name="BatchSize">Cases per encoder batch.</param>
/// <param name="Limit">Evaluate only the first N cases (null: all).</param>
/// <param name="PreprocessThreads">Threads decoding and resizing images (0: one fewer than the cores, at least 1).</param>
/// <param name="OnError">Fail at the first bad case, or skip it.</param>
/// <param name="PrefetchBatches">Prepared batches that may wait for the encoders (bounds memory).</param>
/// <param name="Overlap">
/// Prepare the next batch while the encoders run the current one (true), or take turns, each stage with every core
/// (false). Null chooses by core count: see <see cref="EffectiveOverlap"/>.
/// </param>
/// <param name="OverlapEncoders">
/// Run the text graph beside the vision graph (true) or after it (false). Null: beside it on a GPU, where the two
/// sessions can keep the device busy together; after it on a CPU, where both would split the same cores.
/// </param>
/// <param name="Memory">The byte bounds on memory; null: <see cref="PipelineMemory.Default"/>.</param>
/// <param name="PageLockTensors">
/// Page-lock the pixel tensors for a GPU's DMA (<see cref="Models.CudaHostMemory"/>); null: on a GPU only (<see cref="Fit"/>).
/// </param>
/// <param name="AllowOutsideData">Read images that lie outside their subset's data folder (<see cref="DataFolderGuard"/>) instead of refusing them.</param>
public sealed record EvaluationSettings(
    int BatchSize = 32,
    int? Limit = null,
    int PreprocessThreads = 0,
    ErrorPolicy OnError = ErrorPolicy.Fail,
    int PrefetchBatches = 2,
    bool? Overlap = null,
    bool? OverlapEncoders = null,
    PipelineMemory? Memory = null,
    bool? PageLockTensors = null,
    bool AllowOutsideData = false)
{
    /// <summary>
    /// Overlap needs spare cores. ONNX Runtime splits each operator across its threads and waits for the slowest, so
    /// a decoder thread sharing a core with one of them slows every operator: on 2 cores, measured with
    /// <c>aro bench</c> on a ViT-B/32-sized model, overlapping reached 87% of the bare encoders' throughput and taking
    /// turns 94%. From 4 cores up, decoding gets its own core and overlaps.
    /// </summary>
    public bool EffectiveOverlap => Overlap ?? Environment.ProcessorCount >= 4;

    /// <summary>Whether the text graph runs beside the vision graph (see <see cref="OverlapEncoders"/>; <see cref="Fit"/> sets it for a GPU).</summary>
    public bool EffectiveOverlapEncoders => OverlapEncoders ?? false;

    /// <summary>Whether the pixel tensors are page-locked (see <see cref="PageLockTensors"/>; <see cref="Fit"/> sets it for a GPU).</summary>
    public bool EffectivePageLockTensors => PageLockTensors ?? false;

    /// <summary>
    /// Decoding gets the cores ONNX Runtime leaves: on 2 cores one thread prepares the next batch while the
    /// encoders run the current one.
    /// </summary>
    public int EffectivePreprocessThreads =>
        PreprocessThreads > 0 ? PreprocessThreads : EffectiveOverlap ? Math.Max(1, Environment.ProcessorCount / 4) : Environment.ProcessorCount;

    /// <summary>
    /// Thread counts that keep the stages off each other's cores, for what the user left open. On a GPU the encoders
    /// need next to no CPU, so decoding overlaps them on every core (measured on an H100: with a quarter of 16 cores
    /// decoding, the pipeline reached 18% of the bare GPU encoders). On a CPU, when decoding overlaps inference, ONNX
    /// Runtime gets the cores decoding does not use.
    /// </summary>
    public (EvaluationSettings Settings, Models.RuntimeOptions Runtime) Fit(Models.RuntimeOptions runtime)
    {
        if (runtime.Device == Models.ExecutionDevice.Cuda)
        {
            var gpu = this with
            {
                Overlap = Overlap ?? true,
                OverlapEncoders = OverlapEncoders ?? true,
                PageLockTensors = PageLockTensors ?? true,
                PreprocessThreads = PreprocessThreads > 0 ? PreprocessThreads : Environment.ProcessorCount,
            };
            return (gpu, runtime);
        }

        var cores = Environment.ProcessorCount;
        return runtime.IntraOpThreads == 0 && EffectiveOverlap && cores > EffectivePreprocessThreads
            ? (this, runtime with { IntraOpThreads = cores - EffectivePreprocessThreads })
            : (this, runtime);
    }

    /// <summary>Captions per text-encoder call.</summary>
    public int TextBatchSize => Math.Max(BatchSize * 2, 8);
}

/// <summary>What a bad case does to a run (<c>--on-error</c>).</summary>
public enum ErrorPolicy
{
    /// <summary>Stop at the first bad case with an error naming it (the default).</summary>
    Fail,

    /// <summary>Leave the case out of the metrics, list it in skipped.csv and go on.</summary>
    Skip,
}
