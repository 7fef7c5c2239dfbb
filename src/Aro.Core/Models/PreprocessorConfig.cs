using System.Text.Json;
using Aro.Core.IO;
using Aro.Core.Imaging;

namespace Aro.Core.Models;

/// <summary>
/// Reads a Hugging Face <c>preprocessor_config.json</c> (CLIPImageProcessor, BlipImageProcessor, SiglipImageProcessor)
/// into an <see cref="ImageTransformSpec"/>. Sizes may be an int or <c>{"shortest_edge"}</c> / <c>{"height","width"}</c>.
/// The center-crop offset follows torchvision (round half to even), as the official ARO code ran CLIP; HF's
/// own processor floors it, which moves odd margins by one pixel. The step switches are honoured, never ignored:
/// <c>resample</c> picks the filter (2 bilinear, 3 bicubic), <c>do_normalize: false</c> leaves mean 0 and std 1
/// (exactly the rescaled values), and what aro cannot reproduce — <c>do_resize: false</c>, <c>do_rescale: false</c>,
/// a <c>rescale_factor</c> other than 1/255, SigLIP 2's variable-resolution (NaFlex) processor — is refused naming
/// the field.
/// </summary>
public static class PreprocessorConfig
{
    public const string FileName = "preprocessor_config.json";

    /// <summary>The processors' default <c>rescale_factor</c>, the 1/255 of torchvision's <c>ToTensor</c>.</summary>
    private const double ByteRescale = 1 / 255.0;

    private static readonly float[] NoMean = [0f, 0f, 0f];
    private static readonly float[] NoStd = [1f, 1f, 1f];

    public static ImageTransformSpec Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(RegularFile.Require(path, "preprocessor config")));
        }
        catch (JsonException ex)
        {
            throw new AroInputException($"{path}: malformed JSON (line {ex.LineNumber + 1}): {ex.Message.Split(" Path:")[0]}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AroInputException($"{path}: expected a JSON object");
            }

            var name = Path.GetFileName(path);
            if (root.TryGetProperty("image_processor_type", out var type) && type.ValueKind == JsonValueKind.String
                && (type.ValueEquals("Siglip2ImageProcessor") || type.ValueEquals("Siglip2ImageProcessorFast")))
            {
                throw new AroInputException(
                    $"{name}: field 'image_processor_type' is {type.GetRawText()}: SigLIP 2's NaFlex processor cuts each image into a variable number of patches at its own aspect ratio, which aro's fixed-size transforms do not reproduce; use a fixed-resolution (FixRes) SigLIP 2 export, whose processor is SiglipImageProcessor");
            }

            // Every processor aro reads resamples bicubic when the field is absent.
            var filter = root.TryGetProperty("resample", out var resample) && resample.ValueKind != JsonValueKind.Null
                ? ResampleFilters.FromPilCode(ReadInt(resample, "resample", name), $"{name}: field 'resample'")
                : ResampleFilter.Bicubic;
            if (IsFalse(root, "do_resize"))
            {
                throw new AroInputException(
                    $"{name}: field 'do_resize' is false: the model would take each image at its own size, but its graph takes a fixed size; aro always resizes (set do_resize true)");
            }

            if (IsFalse(root, "do_rescale"))
            {
                throw new AroInputException(
                    $"{name}: field 'do_rescale' is false (pixels fed as 0-255): aro scales pixels by 1/255 as torchvision's ToTensor does and does not implement unscaled inputs");
            }

            if (root.TryGetProperty("rescale_factor", out var rescale) && rescale.ValueKind != JsonValueKind.Null
                && !(rescale.ValueKind == JsonValueKind.Number && rescale.TryGetDouble(out var factor) && Math.Abs(factor - ByteRescale) <= 1e-12))
            {
                throw new AroInputException(
                    $"{name}: field 'rescale_factor' is {Truncate(rescale.GetRawText())}; aro scales pixels by 1/255 (0.00392156862745098) only");
            }

            var crop = !root.TryGetProperty("do_center_crop", out var doCrop) || doCrop.ValueKind != JsonValueKind.False;
            var (shortest, height, width) = ReadSize(root, "size", name);
            var normalize = !IsFalse(root, "do_normalize");
            var mean = normalize ? ReadTriple(root, "image_mean", name) ?? ImageTransformSpec.ClipMean : NoMean;
            var std = normalize ? ReadTriple(root, "image_std", name) ?? ImageTransformSpec.ClipStd : NoStd;
            ImageTransformSpec spec;
            if (shortest is { } edge)
            {
                if (!crop)
                {
                    throw new AroInputException($"{name}: a shortest-edge resize without a center crop gives images of varying size");
                }

                var (cropHeight, cropWidth, _) = ReadCropSize(root, name) ?? (edge, edge, true);
                spec = new ImageTransformSpec(ResizeMode.ShortestSide, edge, cropHeight, cropWidth, true, mean, std);
            }
            else
            {
                spec = new ImageTransformSpec(ResizeMode.Squash, Math.Min(height, width), height, width, false, mean, std);
                if (crop && ReadCropSize(root, name) is { } cropSize && (cropSize.Height != height || cropSize.Width != width))
                {
                    throw new AroInputException($"{name}: a fixed resize followed by a smaller center crop is not supported");
                }
            }

            spec = spec with { Resample = filter };
            spec.Validate(name, "image_mean", "image_std");
            return spec;
        }
    }

    private static bool IsFalse(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.False;

    private static (int? Shortest, int Height, int Width) ReadSize(JsonElement root, string field, string name)
    {
        if (!root.TryGetProperty(field, out var size))
        {
            throw new AroInputException($"{name}: field '{field}' is missing");
        }

        if (size.ValueKind == JsonValueKind.Number)
        {
            return (ReadInt(size, field, name), 0, 0);
        }

        if (size.ValueKind == JsonValueKind.Object)
        {
            if (size.TryGetProperty("shortest_edge", out var edge))
            {
                return (ReadInt(edge, $"{field}.shortest_edge", name), 0, 0);
            }

            if (size.TryGetProperty("height", out var h) && size.TryGetProperty("width", out var w))
            {
                return (null, ReadInt(h, $"{field}.height", name), ReadInt(w, $"{field}.width", name));
            }
        }

        throw new AroInputException($"{name}: field '{field}' must be a number, {{\"shortest_edge\"}} or {{\"height\", \"width\"}}");
    }

    private static (int Height, int Width, bool Found)? ReadCropSize(JsonElement root, string name)
    {
        if (!root.TryGetProperty("crop_size", out var crop) || crop.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (crop.ValueKind == JsonValueKind.Number)
        {
            var side = ReadInt(crop, "crop_size", name);
            return (side, side, true);
        }

        if (crop.ValueKind == JsonValueKind.Object && crop.TryGetProperty("height", out var h) && crop.TryGetProperty("width", out var w))
        {
            return (ReadInt(h, "crop_size.height", name), ReadInt(w, "crop_size.width", name), true);
        }

        throw new AroInputException($"{name}: field 'crop_size' must be a number or {{\"height\", \"width\"}}");
    }

    private static float[]? ReadTriple(JsonElement root, string field, string name)
    {
        if (!root.TryGetProperty(field, out var values) || values.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != 3
            || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number || !v.TryGetSingle(out var f) || !float.IsFinite(f)))
        {
            throw new AroInputException($"{name}: field '{field}' must be an array of 3 finite numbers");
        }

        return [.. values.EnumerateArray().Select(v => v.GetSingle())];
    }

    /// <summary>
    /// A whole number that fits an int. <see cref="JsonElement.GetInt32"/> itself throws InvalidOperationException or
    /// FormatException for a string, 0.5 or 1e308, and those must not escape as such.
    /// </summary>
    private static int ReadInt(JsonElement value, string field, string name) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var result)
            ? result
            : throw new AroInputException($"{name}: field '{field}' must be a whole number, found {Truncate(value.GetRawText())}");

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
