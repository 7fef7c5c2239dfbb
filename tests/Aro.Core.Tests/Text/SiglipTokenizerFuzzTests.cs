using Aro.Core.Tests.Support.Fuzzing;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Text;

/// <summary>
/// SigLIP's tokenizer on odd captions (<see cref="OddCaptions"/>): lone surrogates, controls, U+2581, huge runs
/// of one character. Any text must give 1..64 ids ending in &lt;/s&gt;, never an exception, from either source.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class SiglipTokenizerFuzzTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SiglipTokenizer.SentencePieceFileName)]
    [InlineData(SiglipTokenizer.TokenizerJsonFileName)]
    public async Task Any_caption_tokenizes_within_the_context_and_ends_with_the_end_token(string source)
    {
        var package = RepoPaths.InRepo("tests", "fixtures", "tiny-siglip");
        var settings = SiglipTokenizerSettings.FromPackage(package);
        var tokenizer = source == SiglipTokenizer.SentencePieceFileName
            ? SiglipTokenizer.FromSentencePieceModel(Path.Combine(package, source), settings)
            : SiglipTokenizer.FromTokenizerJson(Path.Combine(package, source), settings);
        var report = await FuzzRunner.RunAsync($"SiglipTokenizer({source}).Encode", OddCaptions.Generate(1_000, seed: 17), input =>
        {
            var ids = tokenizer.Encode(OddCaptions.Text(input));
            return Task.FromResult(ids.Length is >= 1 and <= 64 && ids[^1] == tokenizer.EndId && ids.All(id => id >= 0)
                ? null : $"{ids.Length} ids, last {ids[^1]}");
        }, (_, _) => "a caption of any text must tokenize, not fail");

        FuzzAssert.Clean(report, output, allocationBound: 64L << 20, minimumInputs: 1_000);
    }
}
