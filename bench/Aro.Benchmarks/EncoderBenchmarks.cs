using Aro.Core.Imaging;
using Aro.Core.Models;
using Aro.Core.Text;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// The ONNX encoders of the ViT-B/32-sized package from scripts/make_bench_model.py (generate it first; it is not
/// committed), with aro's default session options. Reported per image and per caption, so the preprocessing
/// numbers of <see cref="ImageBenchmarks"/> and <see cref="TokenizerBenchmarks"/> can be read as a share of them.
/// The text benchmarks run the ten short ARO captions trimmed to the batch's longest (what aro does with a
/// dynamic sequence axis) and padded to 77 (what a fixed-length export costs).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class EncoderBenchmarks
{
    private const int Captions = 10;
    private const int ImageBatch = 8;
    private OnnxImageEncoder _image = null!;
    private OnnxTextEncoder _text = null!;
    private float[] _pixels = [];
    private int[][] _trimmed = [];
    private int[][] _padded = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = BenchPaths.BenchModel;
        if (!File.Exists(Path.Combine(folder, "vision_model.onnx")))
        {
            throw new InvalidOperationException($"{folder} not found: run /usr/bin/python3 scripts/make_bench_model.py first");
        }

        var transform = ImageTransformSpec.Clip();
        _image = new OnnxImageEncoder(Path.Combine(folder, "vision_model.onnx"), transform, RuntimeOptions.Default);
        _text = new OnnxTextEncoder(Path.Combine(folder, "text_model.onnx"), 77, 0, RuntimeOptions.Default);
        var random = new Random(3);
        _pixels = [.. Enumerable.Range(0, ImageBatch * 3 * 224 * 224).Select(_ => (float)((random.NextDouble() * 4) - 2))];
        var tokenizer = ClipBpeTokenizer.Load(Path.Combine(folder, "vocab.json"), Path.Combine(folder, "merges.txt"));
        _trimmed = [.. AroCaptions.All.Take(Captions).Select(tokenizer.Encode)];
        _padded = [.. _trimmed.Select(ids => ids.Concat(new int[77 - ids.Length]).ToArray())];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _image.Dispose();
        _text.Dispose();
    }

    [Benchmark(Description = "vision graph, batch 1, per image")]
    public IReadOnlyList<ImageEncoding> EncodeOneImage() => _image.Encode(_pixels, 1);

    [Benchmark(Description = "vision graph, batch 8, per image", OperationsPerInvoke = ImageBatch)]
    public IReadOnlyList<ImageEncoding> EncodeImageBatch() => _image.Encode(_pixels, ImageBatch);

    [Benchmark(Description = "text graph, 10 captions trimmed, per caption", OperationsPerInvoke = Captions)]
    public IReadOnlyList<float[]> EncodeTrimmed() => _text.Encode(_trimmed);

    [Benchmark(Description = "text graph, 10 captions padded to 77, per caption", OperationsPerInvoke = Captions)]
    public IReadOnlyList<float[]> EncodePadded() => _text.Encode(_padded);
}
