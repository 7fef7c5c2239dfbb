using Aro.Core.Text;
using BenchmarkDotNet.Attributes;

namespace Aro.Benchmarks;

/// <summary>
/// CLIP BPE tokenisation of ARO-style captions, per caption (the whole list is one invocation). "clip" is the
/// real 49408-token vocabulary from ../shared/clip-bpe and runs only where that folder exists; "demo" is the
/// committed demo package's 874-token vocabulary, which splits words into more pieces. The library caches BPE
/// results per word, so after warm-up this measures the cache-hit path, as a real run with its repeated
/// vocabulary mostly sees.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class TokenizerBenchmarks
{
    private ClipBpeTokenizer _tokenizer = null!;
    private string[] _captions = [];

    [ParamsSource(nameof(Vocabularies))]
    public string Vocabulary { get; set; } = "demo";

    public static IEnumerable<string> Vocabularies()
    {
        yield return "demo";
        if (File.Exists(Path.Combine(BenchPaths.ClipBpe, "vocab.json")))
        {
            yield return "clip";
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var folder = Vocabulary == "clip" ? BenchPaths.ClipBpe : BenchPaths.DemoModel;
        _tokenizer = ClipBpeTokenizer.Load(Path.Combine(folder, "vocab.json"), Path.Combine(folder, "merges.txt"));
        _captions = [.. AroCaptions.All];
    }

    [Benchmark(Description = "ClipBpeTokenizer.Encode", OperationsPerInvoke = 12)]
    public int Encode()
    {
        var total = 0;
        foreach (var caption in _captions)
        {
            total += _tokenizer.Encode(caption).Length;
        }

        return total;
    }

    [Benchmark(Description = "ClipTextNormalizer.Normalize", OperationsPerInvoke = 12)]
    public int Normalize()
    {
        var total = 0;
        foreach (var caption in _captions)
        {
            total += ClipTextNormalizer.Instance.Normalize(caption).Length;
        }

        return total;
    }
}
