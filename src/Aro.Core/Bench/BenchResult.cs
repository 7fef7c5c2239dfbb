namespace Aro.Core.Bench;

/// <summary>
/// What <c>aro bench</c> measured. Throughputs are medians over batches (bare encoders) or one timed pass (pipeline).
/// <see cref="Ratio"/> = the time the bare encoders need for the pipeline's encoder work, divided by the pipeline's
/// wall time: 1.0 means decoding, resizing, tokenising, scoring and I/O are completely hidden behind inference.
/// With <see cref="Simulated"/>, the bare figures are the simulated encoders' speeds. <see cref="Profile"/> (with
/// <c>--profile</c>) breaks the pipeline run into stages; <see cref="EncoderBusy"/> is then the share of its wall time
/// the encoders were running, measured in the same run (so machine load moves both sides alike).
/// <see cref="PageLocked"/>: the pixel tensors were page-locked for the GPU's DMA (asked for, and CUDA agreed).
/// </summary>
public sealed record BenchResult(
    string Model,
    string Machine,
    int ProcessorCount,
    string OnnxruntimeVersion,
    int IntraOpThreads,
    bool SpinWait,
    bool Overlap,
    int DecodeThreads,
    int BatchSize,
    int TextBatchSize,
    double ImagesPerSecond,
    double CaptionsPerSecond,
    int Cases,
    long ImagesEncoded,
    long CaptionsEncoded,
    double PipelineSeconds,
    double CasesPerSecond,
    double BareSecondsForSameWork,
    double Ratio,
    long PeakWorkingSetBytes,
    bool Simulated = false,
    double? EncoderBusy = null,
    Pipeline.PipelineProfile? Profile = null,
    bool PageLocked = false);
