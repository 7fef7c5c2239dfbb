using Aro.Core.Cases;

namespace Aro.Core.Pipeline;

/// <summary>What makes two cases' images the same encoder input: the file and the crop box.</summary>
public readonly record struct ImageKey(string Path, CropBox? Crop)
{
    public static ImageKey Of(AroCase aroCase) => new(aroCase.ImagePath, aroCase.Crop);
}
