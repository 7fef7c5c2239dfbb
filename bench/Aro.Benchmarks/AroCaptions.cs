namespace Aro.Benchmarks;

/// <summary>
/// Captions shaped like ARO's: VG-Relation and VG-Attribution pairs (true and swapped), COCO/Flickr-Order
/// originals and their word-order perturbations, plus one long caption that hits the 77-token truncation.
/// </summary>
public static class AroCaptions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "the horse is eating the grass",
        "the grass is eating the horse",
        "the man is on top of the bench",
        "the bench is on top of the man",
        "the white plate and the brown table",
        "the brown plate and the white table",
        "the striped shirt and the blue jeans",
        "a man riding a wave on top of a surfboard",
        "a man riding a surfboard on top of a wave",
        "wave a top riding of a man surfboard on a",
        "A young girl in a pink dress is climbing the stairs of a wooden playground.",
        "Two dogs, one brown and one black, are running through the snow near a red fence; a person in a yellow " +
        "jacket watches them from a bench while holding a leash, a thermos and a small blue backpack that has " +
        "several patches sewn on its front pocket and straps.",
    ];
}
