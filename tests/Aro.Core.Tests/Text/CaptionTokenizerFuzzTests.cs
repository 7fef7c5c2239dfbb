using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.Core.Tests.Support.Fuzzing;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Text;

/// <summary>
/// The CLIP BPE and BERT WordPiece tokenizers on odd captions (<see cref="OddCaptions"/>): any text a cases file can
/// hold must give ids within the context length, never an exception.
/// </summary>
[Collection(FuzzCollection.Name)]
[Trait("Category", "Fuzz")]
public sealed class CaptionTokenizerFuzzTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("models/demo")]
    [InlineData("tests/fixtures/tiny-blip")]
    public async Task Any_caption_tokenizes_within_the_context(string package)
    {
        var tokenizer = CaptionTokenizers.Create(ModelPackageLoader.Load(RepoPaths.InRepo(package.Split('/'))).Tokenizer);
        var report = await FuzzRunner.RunAsync($"{tokenizer.GetType().Name}.Encode", OddCaptions.Generate(1_000, seed: 13), input =>
        {
            var ids = tokenizer.Encode(OddCaptions.Text(input));
            return Task.FromResult(ids.Length is >= 2 && ids.Length <= tokenizer.ContextLength && ids.All(id => id >= 0)
                ? null : $"{ids.Length} ids for a context of {tokenizer.ContextLength}");
        }, (_, _) => "a caption of any text must tokenize, not fail");

        FuzzAssert.Clean(report, output, allocationBound: 64L << 20, minimumInputs: 1_000);
    }
}
