using Aro.Core.Models;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>
/// The manifest's sha256 against the package's files. Expected hashes are models/demo/aro-model.json's (written by
/// scripts/make_test_models.py with Python's hashlib) and hashlib's digest of the replacement bytes.
/// </summary>
public sealed class ManifestHashesTests
{
    private const string DemoTextSha256 = "26df2c50dca06ea7afbe4ad0f9828a276b9b5dc90438369a9e30ba2a20ffcd46";

    /// <summary><c>hashlib.sha256(b"truncated").hexdigest()</c>.</summary>
    private const string TruncatedSha256 = "227b1c2e53cfd4a3dc1cc26c83b9c4fccef2130f905aef3123fdc3dc2c9e4df6";

    private static string Demo => RepoPaths.InRepo("models", "demo");

    [Fact]
    public void The_demo_package_matches_every_hash_its_manifest_lists()
    {
        Assert.Equal(4, ManifestHashes.Verify(Demo));
    }

    [Fact]
    public void A_changed_file_is_named_with_both_hashes_and_the_way_out()
    {
        using var temp = CopyOfDemo();
        File.WriteAllText(temp.File("text_model.onnx"), "truncated");

        var error = Assert.Throws<AroInputException>(() => ManifestHashes.Verify(temp.Path));

        Assert.StartsWith(
            $"{temp.File("text_model.onnx")} differs from aro-model.json's sha256 (expected {DemoTextSha256}, found {TruncatedSha256})",
            error.Message, StringComparison.Ordinal);
        Assert.Contains("--skip-hash-check", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void A_package_without_manifest_hashes_is_not_checked()
    {
        using var temp = CopyOfDemo();
        File.WriteAllText(temp.File("aro-model.json"), """{"format": 1, "family": "clip"}""");
        File.WriteAllText(temp.File("text_model.onnx"), "truncated");

        Assert.Equal(0, ManifestHashes.Verify(temp.Path));
    }

    [Fact]
    public void Hashes_are_keyed_by_the_path_inside_the_package()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("onnx"));
        File.Copy(Path.Combine(Demo, "vision_model.onnx"), temp.File("onnx", "vision_model.onnx"));
        File.WriteAllText(temp.File("onnx", "text_model.onnx"), "truncated");
        File.Copy(Path.Combine(Demo, "vocab.json"), temp.File("vocab.json"));
        File.Copy(Path.Combine(Demo, "merges.txt"), temp.File("merges.txt"));
        File.WriteAllText(temp.File("aro-model.json"), $$"""
            {"format": 1, "family": "clip", "vision_model": "onnx/vision_model.onnx", "text_model": "onnx/text_model.onnx",
             "provenance": {"sha256": {"onnx/text_model.onnx": "{{DemoTextSha256}}" } } }
            """);

        var error = Assert.Throws<AroInputException>(() => ManifestHashes.Verify(temp.Path));

        Assert.Contains($"expected {DemoTextSha256}, found {TruncatedSha256}", error.Message, StringComparison.Ordinal);
    }

    private static TempDirectory CopyOfDemo()
    {
        var temp = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(Demo))
        {
            File.Copy(file, temp.File(Path.GetFileName(file)));
        }

        return temp;
    }
}
