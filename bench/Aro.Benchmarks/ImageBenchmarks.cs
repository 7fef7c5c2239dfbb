using System.Globalization;
using Aro.Core.Cases;
using Aro.Core.Imaging;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// The per-image CPU work before the vision graph, step by step, on a generated JPEG of a typical Visual Genome
/// (500x375) or larger (800x600) size. The crop box covers half the width and 55% of the height at fractional
/// coordinates, like ARO's VG-Relation union boxes: on 500x375 the crop is then upscaled to 224, on 800x600
/// downscaled, so both resampler regimes are measured. The resample passes and the normaliser are also timed on their
/// scalar paths (the code before vectorisation, kept as the fallback), so one run gives both sides of the comparison.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class ImageBenchmarks
{
    private readonly ImageLoader _loader = new();
    private readonly ClipImageTransform _transform = new(ImageTransformSpec.Clip());
    private byte[] _jpeg = [];
    private RgbPixels _image = null!;
    private RgbPixels _cropped = null!;
    private RgbPixels _window = null!;
    private CropBox _box;
    private float[] _pixels = [];
    private (int Width, int Height, int Left, int Top) _fullResize;
    private (int Width, int Height, int Left, int Top) _cropResize;

    [Params("500x375", "800x600")]
    public string Size { get; set; } = "500x375";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        var width = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var height = int.Parse(parts[1], CultureInfo.InvariantCulture);
        _jpeg = SyntheticJpeg.Create(width, height);
        _image = _loader.Decode(_jpeg, Size);
        _box = new CropBox((width * 0.2) + 0.3, (height * 0.15) + 0.7, width * 0.5, height * 0.55);
        _cropped = PilCrop.Crop(_image, _box);
        _fullResize = ResizePlan(_image);
        _cropResize = ResizePlan(_cropped);
        _window = Resize(_image, _fullResize);
        _pixels = new float[_transform.TensorLength];
    }

    // Results are disposed, as the pipeline does, so pooled buffers are reused and steady state is measured.
    [Benchmark(Description = "ImageLoader.Decode (JPEG, Skia)")]
    public int Decode()
    {
        using var image = _loader.Decode(_jpeg, Size);
        return image.Width;
    }

    [Benchmark(Description = "PilCrop.Crop (VG box)")]
    public int Crop()
    {
        using var cropped = PilCrop.Crop(_image, _box);
        return cropped.Width;
    }

    [Benchmark(Description = "ResizeWindow (whole image)")]
    public int ResizeWhole()
    {
        using var window = Resize(_image, _fullResize);
        return window.Width;
    }

    [Benchmark(Description = "ResizeWindow (cropped)")]
    public int ResizeCropped()
    {
        using var window = Resize(_cropped, _cropResize);
        return window.Width;
    }

    [Benchmark(Description = "ResizeWindow (cropped), scalar passes")]
    public int ResizeCroppedScalar()
    {
        using var window = PilResampler.ResizeWindow(
            _cropped, ResampleFilter.Bicubic, _cropResize.Width, _cropResize.Height, _cropResize.Left, _cropResize.Top, 224, 224, vectorised: false);
        return window.Width;
    }

    [Benchmark(Description = "ResizeWindow (whole image), scalar passes")]
    public int ResizeWholeScalar()
    {
        using var window = PilResampler.ResizeWindow(
            _image, ResampleFilter.Bicubic, _fullResize.Width, _fullResize.Height, _fullResize.Left, _fullResize.Top, 224, 224, vectorised: false);
        return window.Width;
    }

    [Benchmark(Description = "ChwNormalizer.Write (224x224)")]
    public float[] Normalize()
    {
        ChwNormalizer.Write(_window, _transform.Spec.Mean, _transform.Spec.Std, _pixels);
        return _pixels;
    }

    [Benchmark(Description = "ChwNormalizer.Write (224x224), table path")]
    public float[] NormalizeTable()
    {
        ChwNormalizer.Write(_window, _transform.Spec.Mean, _transform.Spec.Std, _pixels, vectorised: false);
        return _pixels;
    }

    [Benchmark(Description = "ClipImageTransform.Apply (whole image)")]
    public float[] TransformWhole()
    {
        _transform.Apply(_image, _pixels);
        return _pixels;
    }

    [Benchmark(Description = "Crop + ClipImageTransform.Apply")]
    public float[] CropAndTransform()
    {
        using var cropped = PilCrop.Crop(_image, _box);
        _transform.Apply(cropped, _pixels);
        return _pixels;
    }

    [Benchmark(Description = "Decode + Crop + Apply (per VG case)")]
    public float[] DecodeCropAndTransform()
    {
        using var image = _loader.Decode(_jpeg, Size);
        using var cropped = PilCrop.Crop(image, _box);
        _transform.Apply(cropped, _pixels);
        return _pixels;
    }

    private static RgbPixels Resize(RgbPixels source, (int Width, int Height, int Left, int Top) plan) =>
        PilResampler.ResizeWindow(source, ResampleFilter.Bicubic, plan.Width, plan.Height, plan.Left, plan.Top, 224, 224);

    // The same resize and center-crop geometry ClipImageTransform.Apply uses, so ResizeWindow is timed alone.
    private static (int Width, int Height, int Left, int Top) ResizePlan(RgbPixels source)
    {
        var (width, height) = ClipImageTransform.ResizedSize(source.Width, source.Height, 224);
        var top = (int)Math.Round((height - 224) / 2.0, MidpointRounding.ToEven);
        var left = (int)Math.Round((width - 224) / 2.0, MidpointRounding.ToEven);
        return (width, height, left, top);
    }
}
