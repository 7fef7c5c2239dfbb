using Aro.Cli.Tests.Support;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary><c>aro models list</c>: the catalog's models with presence, then the other packages of the models folder.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ModelsListTests
{
    [Fact]
    public async Task Lists_every_catalog_model_with_presence_then_other_packages()
    {
        using var temp = new TempDirectory();
        var blip = Directory.CreateDirectory(Path.Combine(temp.Path, "blip-coco")).FullName;
        foreach (var file in ModelCatalog.BuiltIn.Find("blip-coco")!.PresentCheck)
        {
            File.WriteAllText(Path.Combine(blip, file), "x");
        }

        var demo = Directory.CreateDirectory(Path.Combine(temp.Path, "my-demo")).FullName;
        foreach (var file in Directory.EnumerateFiles(RepoPaths.InRepo("models", "demo")))
        {
            File.Copy(file, Path.Combine(demo, Path.GetFileName(file)));
        }

        var (exit, output) = await RunWithModelsRoot(temp.Path, "models", "list");

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        foreach (var name in new[] { "clip", "negclip", "negclip-quickgelu", "blip-coco", "blip-flickr" })
        {
            Assert.Contains(lines, l => l.StartsWith($"│ {name} ", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("│ blip-coco ", StringComparison.Ordinal) && l.Contains("│ yes ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ blip-flickr ", StringComparison.Ordinal) && l.Contains("│ no ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("│ my-demo ", StringComparison.Ordinal) && l.Contains("clip", StringComparison.Ordinal));
        Assert.True(output.IndexOf("known models", StringComparison.Ordinal) < output.IndexOf("other packages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_uninstalled_catalog_model_says_how_to_get_it()
    {
        using var temp = new TempDirectory();

        var (exit, output) = await RunWithModelsRoot(temp.Path, "eval", "--model", "blip-flickr", "--subset", "relation");

        Assert.Equal(2, exit);
        Assert.Contains("python scripts/export_onnx.py blip --head flickr", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunWithModelsRoot(string root, params string[] args)
    {
        var previous = Environment.GetEnvironmentVariable(ModelLocator.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, root);
        try
        {
            using var output = new StringWriter();
            var exit = await AroCli.RunAsync(args, new CliConsole(output, output, isTerminal: false));
            return (exit, output.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ModelLocator.EnvironmentVariable, previous);
        }
    }
}
