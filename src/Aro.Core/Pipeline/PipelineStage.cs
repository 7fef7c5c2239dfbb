namespace Aro.Core.Pipeline;

/// <summary>
/// The steps of an evaluation that <see cref="PipelineProfiler"/> times. The first six run on the preparation
/// threads, once per image or caption (their totals add up the time of every thread); the next four run once per
/// batch on the encoding and writing side; the waits are where a stage stood idle. There is no host-to-device stage:
/// with a GPU, ONNX Runtime copies a batch's pooled (page-locked) pixels to the device inside the vision graph's run,
/// so that copy is part of <see cref="EncodeImages"/> (on the CPU the graph reads the pooled buffer in place).
/// </summary>
public enum PipelineStage
{
    /// <summary>Reading an image file's bytes.</summary>
    Read,

    /// <summary>The SHA-256 of an image file (its cache key).</summary>
    Hash,

    /// <summary>Decoding an image to 8-bit RGB.</summary>
    Decode,

    /// <summary>Cutting a case's crop box out of the decoded image.</summary>
    Crop,

    /// <summary>The model's image transform: PIL-exact resize, center crop and normalisation into the batch's tensor.</summary>
    Transform,

    /// <summary>Tokenising captions and deciding what a batch still needs encoded.</summary>
    Tokenise,

    /// <summary>The vision graph.</summary>
    EncodeImages,

    /// <summary>The text graph.</summary>
    EncodeCaptions,

    /// <summary>Scoring every option of a batch.</summary>
    Score,

    /// <summary>Storing the new embeddings (memory and cache file) and handing the results to the sink (predictions file, tallies, checkpoint).</summary>
    Write,

    /// <summary>A batch waiting to start its preparation until the batch before it is written (when the stages take turns).</summary>
    TurnWait,

    /// <summary>An image waiting for room in the decode budget (<see cref="DecodeBudget"/>) before it is read or decoded.</summary>
    BudgetWait,

    /// <summary>A batch, read, waiting for the batch before it to be planned (plans go in case order).</summary>
    PlanWait,

    /// <summary>The encoders waiting for the next prepared batch.</summary>
    EncoderWait,
}
