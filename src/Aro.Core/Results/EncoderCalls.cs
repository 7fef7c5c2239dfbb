
namespace Aro.Core.Results;

/// <summary>
/// How much encoding a run asked for and did. "Requested" counts one image per case and one caption per option;
/// the rest were saved by de-duplication within the run or by the embedding cache of earlier runs.
/// </summary>
public sealed record EncoderCalls(
    long ImagesRequested,
    long ImagesEncoded,
    long ImagesFromCache,
    long CaptionsRequested,
    long CaptionsEncoded,
    long CaptionsFromCache)
{
    public static EncoderCalls None { get; } = new(0, 0, 0, 0, 0, 0);

    public long ImagesSaved => ImagesRequested - ImagesEncoded;

    public long CaptionsSaved => CaptionsRequested - CaptionsEncoded;

    public EncoderCalls Plus(EncoderCalls other) => new(
        ImagesRequested + other.ImagesRequested,
        ImagesEncoded + other.ImagesEncoded,
        ImagesFromCache + other.ImagesFromCache,
        CaptionsRequested + other.CaptionsRequested,
        CaptionsEncoded + other.CaptionsEncoded,
        CaptionsFromCache + other.CaptionsFromCache);
}
