using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Data;

/// <summary>
/// An annotation file that parses but holds no case is an error naming the file, for every native reader: evaluated,
/// it reported accuracy 0.0000 with exit 0.
/// </summary>
public sealed class EmptyAnnotationFileTests
{
    [Theory]
    [InlineData("relation", "[]", "records")]
    [InlineData("attribution", "[]", "records")]
    [InlineData("coco-order", "[]", "captions")]
    [InlineData("flickr-order", "[]", "captions")]
    [InlineData("coco-order", """[{"image": "val2014/a.jpg", "caption": []}]""", "captions")]
    [InlineData("sugarcrepe-swap-att", "{}", "records")]
    [InlineData("sugarcrepe-add-obj", "{}", "records")]
    [InlineData("winoground", "", "instances")]
    [InlineData("winoground", "\n\n", "instances")]
    public async Task A_subset_file_with_no_cases_is_an_error_naming_it(string subsetName, string content, string what)
    {
        using var temp = new TempDirectory();
        var subset = BenchmarkRegistry.FindSubset(subsetName)!;
        var file = temp.File(subset.Data.MarkerFile);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);

        var error = await Assert.ThrowsAsync<AroInputException>(async () => await subset.OpenReader(temp.Path, 1).ReadAsync().ToListAsync());

        Assert.StartsWith($"{Path.GetFullPath(file)}: holds no {what}, so there is nothing to evaluate", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Theory]
    [InlineData("coco-retrieval")]
    [InlineData("flickr-retrieval")]
    public async Task A_retrieval_file_with_no_images_is_an_error_naming_it(string subsetName)
    {
        using var temp = new TempDirectory();
        var subset = (RetrievalSubset)BenchmarkRegistry.FindSubset(subsetName)!;
        var file = temp.File(subset.Data.MarkerFile);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "[]");

        var error = await Assert.ThrowsAsync<AroInputException>(() => subset.ReadCorpusAsync(temp.Path));

        Assert.StartsWith($"{Path.GetFullPath(file)}: holds no images", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\t\n")]
    public async Task A_cases_jsonl_with_no_cases_is_an_error_naming_it(string content)
    {
        using var temp = new TempDirectory();
        var file = temp.Write("cases.jsonl", content);

        var error = await Assert.ThrowsAsync<AroInputException>(async () => await new CasesJsonlReader(file).ReadAsync().ToListAsync());

        Assert.StartsWith($"{file}: holds no cases (every line is empty)", error.Message, StringComparison.Ordinal);
    }
}
