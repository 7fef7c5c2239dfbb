namespace Aro.Core.Imaging;

/// <summary>
/// The resampling filters aro reproduces from Pillow's <c>Image.resize</c>. The values are PIL's own codes, the
/// numbers a Hugging Face <c>preprocessor_config.json</c> stores under <c>resample</c>.
/// </summary>
public enum ResampleFilter
{
    /// <summary><c>Image.BILINEAR</c>: the triangle filter, support 1 (scaled on downscale, so it antialiases).</summary>
    Bilinear = 2,

    /// <summary><c>Image.BICUBIC</c>: Keys' cubic with a = -0.5, support 2 (scaled on downscale).</summary>
    Bicubic = 3,
}
