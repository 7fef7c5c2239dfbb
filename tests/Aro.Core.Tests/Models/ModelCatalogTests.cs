using System.Text;
using System.Text.Json.Nodes;
using Aro.Core.Models;
using Aro.Core.Perturbations;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Models;

/// <summary>models/catalog.json: every entry parses, names resolve, export commands fit the export script.</summary>
public sealed class ModelCatalogTests
{
    private static string CatalogPath => RepoPaths.InRepo("models", "catalog.json");

    [Fact]
    public void Built_in_catalog_lists_the_known_models()
    {
        Assert.Equal(
            ["clip", "negclip", "negclip-quickgelu", "blip-coco", "blip-flickr", "siglip", "clip-vit-l-14-datacomp", "clip-vit-h-14-laion2b",
             "clip-vit-bigg-14-laion2b", "coca-vit-l-14-laion2b", "eva02-clip-l-14", "metaclip-vit-h-14", "siglip-so400m-384"],
            ModelCatalog.BuiltIn.Models.Select(m => m.Name));
    }

    [Fact]
    public void Every_name_resolves_to_its_entry_and_family()
    {
        var catalog = ModelCatalog.Load(CatalogPath);
        foreach (var model in catalog.Models)
        {
            Assert.Same(model, catalog.Find(model.Name));
            var family = model.Name.StartsWith("blip", StringComparison.Ordinal) ? "blip" : model.Name.StartsWith("siglip", StringComparison.Ordinal) ? "siglip" : "clip";
            Assert.Equal(family, model.ModelFamily.Name);
            Assert.NotEmpty(model.PresentCheck);
        }

        Assert.Null(catalog.Find("no-such-model"));
    }

    [Fact]
    public void Export_commands_name_a_subcommand_of_the_script_and_write_the_models_folder()
    {
        var script = File.ReadAllText(RepoPaths.InRepo("scripts", "export_onnx.py"));
        foreach (var model in ModelCatalog.Load(CatalogPath).Models.Where(m => m.Export is not null))
        {
            var words = model.Export!.Split(' ');
            Assert.Contains($"add_parser(\"{words[2]}\"", script, StringComparison.Ordinal);
            Assert.Equal($"models/{model.Name}", words[Array.IndexOf(words, "--out") + 1]);
        }
    }

    [Fact]
    public void Blip_entries_expect_the_itm_graph_and_clip_downloads_the_transformers_js_layout()
    {
        var catalog = ModelCatalog.BuiltIn;
        Assert.All(catalog.Models.Where(m => m.ModelFamily.Name == "blip"), m => Assert.Contains("itm_model.onnx", m.PresentCheck));
        var clip = catalog.Find("clip")!;
        Assert.Equal(
            ["onnx/vision_model.onnx", "onnx/text_model.onnx", "vocab.json", "merges.txt", "preprocessor_config.json", "tokenizer_config.json"],
            clip.Download!.Files.Select(f => f.Path));
        // Pinned to one revision, so the catalog's sizes and sha256 describe exactly the bytes these URLs serve.
        Assert.All(clip.Download.Files, f =>
        {
            Assert.Equal("https://huggingface.co/Xenova/clip-vit-base-patch32/resolve/d15189d7028b43f1d3e65039190477f6af591c2a/" + f.Path, f.Url);
            Assert.NotNull(f.Sha256);
            Assert.NotNull(f.Size);
        });
        Assert.Equal(clip.Download.Files.Sum(f => f.Size), clip.SizeBytes);
    }

    [Fact]
    public void Siglip_downloads_the_transformers_js_export_at_pinned_revisions()
    {
        var siglip = ModelCatalog.BuiltIn.Find("siglip")!;
        var files = siglip.Download!.Files;

        Assert.Equal("siglip", siglip.ModelFamily.Name);
        Assert.All(files, f => Assert.True(
            f.Url == "https://huggingface.co/Xenova/siglip-base-patch16-224/resolve/4649052661e53c7000355844105f8a1792088239/" + f.Path
            || f.Url == "https://huggingface.co/google/siglip-base-patch16-224/resolve/7fd15f0689c79d79e38b1c2e2e2370a7bf2761ed/" + f.Path, f.Url));
        // The graphs and tokenizer.json have published sizes and hashes; the rest are checked against the hub's hash.
        Assert.Equal(["onnx/vision_model.onnx", "onnx/text_model.onnx", "tokenizer.json"], files.Where(f => f.Sha256 is not null && f.Size is not null).Select(f => f.Path));
        Assert.All(siglip.PresentCheck, p => Assert.Contains(files, f => f.Path == p));
    }

    [Fact]
    public void Larger_clip_and_siglip_exports_are_built_with_the_export_script()
    {
        var exports = ModelCatalog.BuiltIn.Models.Where(m => m.Download is null && (m.Export!.Contains(" open_clip ", StringComparison.Ordinal) || m.Export.Contains(" siglip ", StringComparison.Ordinal))).ToList();

        Assert.Equal(7, exports.Count);
        Assert.All(exports.Where(m => m.Export!.Contains(" open_clip ", StringComparison.Ordinal)), m =>
        {
            Assert.Contains("--model ", m.Export, StringComparison.Ordinal);
            Assert.Contains("--pretrained ", m.Export, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Presence_means_every_check_file_is_in_the_folder()
    {
        var model = ModelCatalog.BuiltIn.Find("blip-coco")!;
        using var temp = new TempDirectory();
        foreach (var file in model.PresentCheck.Skip(1))
        {
            File.WriteAllText(temp.File(file), "");
        }

        Assert.False(model.IsPresentIn(temp.Path));
        Assert.Equal([model.PresentCheck[0]], model.MissingFiles(temp.Path));
        File.WriteAllText(temp.File(model.PresentCheck[0]), "");
        Assert.True(model.IsPresentIn(temp.Path));
    }

    [Theory]
    [InlineData("family", "\"vit\"", "family")]
    [InlineData("name", "\"Neg CLIP\"", "name")]
    [InlineData("sha256", "\"abc\"", "download.files.sha256")]
    public void A_bad_field_is_an_error_naming_the_record_and_field(string field, string value, string reported)
    {
        var json = JsonNode.Parse(File.ReadAllText(CatalogPath))!;
        var clip = json["models"]![0]!;
        if (field == "sha256")
        {
            clip["download"]!["files"]![0]!["sha256"] = JsonNode.Parse(value);
        }
        else
        {
            clip[field] = JsonNode.Parse(value);
        }

        var error = Assert.Throws<AroInputException>(() => Parse(json));

        Assert.Contains("test-catalog.json: models[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains($"field '{reported}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_is_an_error_naming_its_path()
    {
        var json = JsonNode.Parse(File.ReadAllText(CatalogPath))!;
        json["models"]![2]!.AsObject().Remove("license");

        var error = Assert.Throws<AroInputException>(() => Parse(json));

        Assert.Contains("test-catalog.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("license", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("models", "models[0] is null")]
    [InlineData("present_check", "field 'present_check' must be a non-empty list of paths")]
    [InlineData("files", "field 'download.files' holds null")]
    public void A_null_list_entry_is_an_error_not_a_crash(string list, string reported)
    {
        var json = JsonNode.Parse(File.ReadAllText(CatalogPath))!;
        var entries = list switch
        {
            "models" => json["models"]!.AsArray(),
            "present_check" => json["models"]![0]!["present_check"]!.AsArray(),
            _ => json["models"]![0]!["download"]!["files"]!.AsArray(),
        };
        entries[0] = null;

        var error = Assert.Throws<AroInputException>(() => Parse(json));

        Assert.Contains(reported, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        var json = JsonNode.Parse(File.ReadAllText(CatalogPath))!;
        json["models"]![1]!["name"] = "clip";

        var error = Assert.Throws<AroInputException>(() => Parse(json));

        Assert.Contains("models[1] ('clip')", error.Message, StringComparison.Ordinal);
    }

    private static ModelCatalog Parse(JsonNode json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return ModelCatalog.Parse(stream, "test-catalog.json");
    }
}
