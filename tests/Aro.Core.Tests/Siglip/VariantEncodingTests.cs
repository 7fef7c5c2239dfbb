using System.Text.Json;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests.Siglip;

/// <summary>
/// One MatMul (y = x @ W + b) in every file variant of scripts/onnx_variants.py, run by ONNX Runtime, against
/// numpy computing each op's definition from the variant's stored weights (tests/fixtures/onnx-variants): the
/// proof that the passes encode weights (nibble order, block layout, zero points, scales) the way ONNX Runtime's
/// kernels decode them, which the tiny SigLIP variants' closeness to fp32 alone would not show.
/// </summary>
public sealed class VariantEncodingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("fp32", 1e-5)]
    [InlineData("fp16", 1e-2)] // float16 output: about 3 significant digits
    [InlineData("quantized", 1e-5)]
    [InlineData("int8", 1e-5)]
    [InlineData("q4", 1e-5)]
    public void Onnx_runtime_computes_what_the_variant_encodes(string variant, double tolerance)
    {
        var folder = RepoPaths.InRepo("tests", "fixtures", "onnx-variants");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        var x = expected.RootElement.GetProperty("x").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        var want = expected.RootElement.GetProperty(variant).EnumerateArray().Select(v => v.GetSingle()).ToArray();
        using var graph = new GraphRunner(Path.Combine(folder, variant == "fp32" ? "matmul.onnx" : $"matmul_{variant}.onnx"));

        var got = graph.Run(x, [4, 64])["y"];

        var difference = TinySiglipReference.MaxAbsDifference(got, want);
        output.WriteLine($"{variant}: max |ONNX Runtime - numpy| {difference:E2}");
        Assert.Equal(want.Length, got.Length);
        Assert.True(difference <= tolerance, $"max difference {difference}");
    }
}
