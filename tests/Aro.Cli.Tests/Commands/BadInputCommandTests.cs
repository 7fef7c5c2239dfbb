using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Cli.Tests.Support;
using Aro.Core.Download;
using Aro.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// Every bad-input invocation of the CLI tests in one place, plus those of docs/robustness.md: each must be a clean
/// error, exit 2, and never "unexpected error" (the exit-1 message for an exception nothing anticipated). The cases
/// build their own inputs in a temporary folder; each is one row of the theory.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class BadInputCommandTests(ITestOutputHelper output)
{
    private static readonly string DemoModel = RepoPaths.InRepo("models", "demo");
    private static readonly string DemoData = RepoPaths.InRepo("data", "demo");
    private static readonly string TinyBlip = RepoPaths.InRepo("tests", "fixtures", "tiny-blip");

    /// <summary>Each case's name, and a fragment of the message it must give (so that it fails for its own reason).</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["out is a file"] = "a part of its path, is a file, not a folder",
        ["out too long"] = "is too long for the file system",
        ["out not writable"] = "cannot create the folder /sys/aro-out: permission denied",
        ["duplicate vocab.json ids"] = "both have id 5; every token needs its own id",
        ["duplicate vocab.txt token"] = "vocab.txt: line 298 repeats the token 'the'",
        ["merges.txt cut short"] = "merges.txt holds 49 merges, which make 512 byte tokens + 49 merged tokens + 2 specials = 563",
        ["pad id past the embedding table"] = "field 'tokenizer.pad_id': pad id 874 is not a token id of the text graph",
        ["token id past the embedding table"] = "has id 900, but text_model.onnx's token embedding table 'token_embedding.weight' has 874 rows",
        ["nan embeddings"] = "of sugarcrepe-replace-att: the image embedding from vision_model.onnx holds NaN",
        ["manifest std 1e-45"] = "fields 'image_transform.mean' and 'image_transform.std' (green: mean 0.4578275, std 1E-45) make pixel value 0 infinite",
        ["preprocessor std 0"] = "std > 0 (fields 'image_mean' and 'image_std')",
        ["empty annotation file"] = "visual_genome_relation.json: holds no records",
        ["empty cases.jsonl"] = "cases.jsonl: holds no cases",
        ["redirect to file://"] = "redirects to file:///etc/passwd, which is not an http or https URL",
        ["unknown subset"] = "unknown subset 'relaton'",
        ["unknown model"] = "model folder not found",
        ["missing required option"] = "--model is required",
        ["malformed annotation"] = "record 0: field 'bbox_x' must be a finite number",
        ["missing image"] = "missing.jpg: file not found",
        ["device cuda on a cpu build"] = "--device cuda: this build of aro ships the CPU ONNX Runtime",
        ["batch size x"] = "--batch-size: 'x' is not an integer",
        ["batch size 0"] = "--batch-size must be between 1 and 4096",
        ["limit -3"] = "--limit must be at least 1",
        ["on-error ignore"] = "--on-error: 'ignore' is not one of fail, skip",
        ["shard 3/3"] = "--shard '3/3' is not i/n",
        ["seeds 1,x"] = "--seeds: 'x' is not an integer",
        ["data pull of an unknown subset"] = "'vg-relation' is not one of all, aro",
        ["compare with a missing folder"] = "nowhere-a: no such results folder or summary.csv",
        ["report of a missing folder"] = "nowhere: no such results folder or summary.csv",
        ["report --worst 0"] = "--worst must be at least 1",
        ["image linked to /dev/zero"] = "is a character device, not a regular file (a link to /dev/zero)",
        ["cases file that is a fifo"] = "is a named pipe (FIFO), not a regular file",
    };

    public static TheoryData<string> Cases { get; } = [.. Expected.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_input_exits_2_and_is_never_an_unexpected_error(string name)
    {
        using var temp = new TempDirectory();
        using var server = new LocalHttpServer(_ => HttpReply.Redirect("file:///etc/passwd"));
        using var environment = new EnvironmentScope((DownloadEndpoints.MirrorVariable, server.BaseUrl), (DownloadEndpoints.HuggingFaceVariable, server.BaseUrl));

        var run = await CliRun.InvokeAsync(Arguments(name, temp));
        output.WriteLine(run.Error);

        Assert.True(run.ExitCode == 2, $"{name}: exit {run.ExitCode}\n{run.Error}");
        Assert.Contains(Expected[name], run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(run.Error), $"{name}: nothing said on stderr");
    }

    [Fact]
    public async Task An_out_folder_on_a_read_only_file_system_exits_2_without_an_unexpected_error()
    {
        // A real EROFS (a read-only bind mount in a private mount namespace): permissions do not stop root, this does.
        using var temp = new TempDirectory();
        var readOnly = temp.File("read-only");
        var info = PrivateMounts.WithReadOnly(readOnly, Path.Combine(AppContext.BaseDirectory, "aro"),
            ["eval", "--model", DemoModel, "--data", DemoData, "--subset", "relation", "--limit", "2", "--no-cache", "--out", Path.Combine(readOnly, "out")]);

        var (code, _, error) = await ChildProcess.FinishAsync(ChildProcess.Start(info), TimeSpan.FromMinutes(2));

        Assert.True(code == 2, error);
        Assert.Contains("the file system is read-only", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", error, StringComparison.Ordinal);
    }

    private static string[] Arguments(string name, TempDirectory temp)
    {
        string[] Eval(string model, string subset, params string[] more) =>
            ["eval", "--model", model, "--data", DemoData, "--subset", subset, "--limit", "4", "--no-cache", "--out", temp.File("out"), .. more];

        switch (name)
        {
            case "out is a file":
                File.WriteAllText(temp.File("file"), "x");
                return [.. Eval(DemoModel, "relation")[..^1], temp.File("file", "out")];
            case "out too long":
                return [.. Eval(DemoModel, "relation")[..^1], temp.File(new string('a', 300))];
            case "out not writable":
                return [.. Eval(DemoModel, "relation")[..^1], "/sys/aro-out"];
            case "duplicate vocab.json ids":
                return Eval(Package(temp, DemoModel, "vocab.json", text => Vocabulary(text, v => v[v.First(p => p.Value == 6).Key] = 5)), "relation");
            case "duplicate vocab.txt token":
                return Eval(Package(temp, TinyBlip, "vocab.txt", text => text + "the\n"), "relation");
            case "merges.txt cut short":
                return Eval(Package(temp, DemoModel, "merges.txt", text => string.Join('\n', text.Split('\n').Take(50)) + "\n"), "relation");
            case "pad id past the embedding table":
                return Eval(Package(temp, DemoModel, "aro-model.json", text => Edit(text, m => m["tokenizer"]!["pad_id"] = 874)), "relation");
            case "token id past the embedding table":
                return Eval(Package(temp, DemoModel, "vocab.json", text => Vocabulary(text, v => v[v.First(p => p.Value == 873).Key] = 900)), "relation");
            case "nan embeddings":
                var nan = Package(temp, DemoModel, "aro-model.json", text => text);
                File.Copy(RepoPaths.InRepo("tests", "fixtures", "bad-models", "vision_nan.onnx"), Path.Combine(nan, "vision_model.onnx"), overwrite: true);
                File.Copy(RepoPaths.InRepo("tests", "fixtures", "bad-models", "text_ok.onnx"), Path.Combine(nan, "text_model.onnx"), overwrite: true);
                return Eval(nan, "sugarcrepe-replace-att");
            case "manifest std 1e-45":
                return Eval(Package(temp, DemoModel, "aro-model.json", text => Edit(text, m => m["image_transform"]!["std"] = new JsonArray(0.5, 1e-45, 0.5))), "relation");
            case "preprocessor std 0":
                var package = Package(temp, DemoModel, "aro-model.json", text => Edit(text, m => m.AsObject().Remove("image_transform")));
                File.WriteAllText(Path.Combine(package, "preprocessor_config.json"), """{"size": 224, "crop_size": 224, "image_std": [0.5, 0, 0.5]}""");
                return Eval(package, "relation");
            case "empty annotation file":
                File.WriteAllText(temp.File("visual_genome_relation.json"), "[]");
                return ["eval", "--model", DemoModel, "--data", temp.Path, "--subset", "relation", "--no-cache", "--out", temp.File("out")];
            case "empty cases.jsonl":
                return Eval(DemoModel, temp.Write("cases.jsonl", "\n\n"));
            case "redirect to file://":
                return ["data", "pull", "flickr-order", "--data", temp.Path];
            case "unknown subset":
                return ["eval", "--model", DemoModel, "--subset", "relaton"];
            case "unknown model":
                return ["eval", "--model", temp.File("no-such-model"), "--subset", "relation"];
            case "missing required option":
                return ["eval", "--subset", "relation"];
            case "malformed annotation":
                File.WriteAllText(temp.File("visual_genome_relation.json"), """[{"image_path": "b.jpg", "bbox_x": "left"}]""");
                return ["eval", "--model", DemoModel, "--data", temp.Path, "--subset", "relation", "--out", temp.File("out")];
            case "missing image":
                return Eval(DemoModel, temp.Write("cases.jsonl", """{"id": "x-1", "image": "images/missing.jpg", "captions": ["a", "b"], "label": 0}""" + "\n"));
            case "device cuda on a cpu build":
                return Eval(DemoModel, "relation", "--device", "cuda");
            case "batch size x":
                return Eval(DemoModel, "relation", "--batch-size", "x");
            case "batch size 0":
                return Eval(DemoModel, "relation", "--batch-size", "0");
            case "limit -3":
                return ["eval", "--model", DemoModel, "--data", DemoData, "--subset", "relation", "--limit", "-3"];
            case "on-error ignore":
                return Eval(DemoModel, "relation", "--on-error", "ignore");
            case "shard 3/3":
                return Eval(DemoModel, "relation", "--shard", "3/3");
            case "seeds 1,x":
                return Eval(DemoModel, "relation", "--seeds", "1,x");
            case "data pull of an unknown subset":
                return ["data", "pull", "vg-relation"];
            case "compare with a missing folder":
                return ["compare", temp.File("nowhere-a"), temp.File("nowhere-b")];
            case "report of a missing folder":
                return ["report", temp.File("nowhere"), "--out", temp.File("report.html")];
            case "report --worst 0":
                return ["report", temp.Path, "--worst", "0"];
            case "image linked to /dev/zero":
                File.CreateSymbolicLink(temp.File("zero.jpg"), "/dev/zero");
                return Eval(DemoModel, temp.Write("cases.jsonl", $$"""{"id": "z", "image": "{{temp.File("zero.jpg")}}", "captions": ["a", "b"], "label": 0}""" + "\n"));
            case "cases file that is a fifo":
                SpecialFiles.Fifo(temp.File("cases.jsonl"));
                return Eval(DemoModel, temp.File("cases.jsonl"));
            default:
                throw new ArgumentException($"no such case: {name}", nameof(name));
        }
    }

    /// <summary>A copy of <paramref name="model"/> with <paramref name="file"/> rewritten (the manifest's pinned hashes dropped).</summary>
    private static string Package(TempDirectory temp, string model, string file, Func<string, string> rewrite)
    {
        var folder = temp.File("model");
        Directory.CreateDirectory(folder);
        foreach (var source in Directory.GetFiles(model))
        {
            File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(folder, "aro-model.json"), Edit(File.ReadAllText(Path.Combine(folder, "aro-model.json")), m => m["provenance"]?.AsObject().Remove("sha256")));
        File.WriteAllText(Path.Combine(folder, file), rewrite(File.ReadAllText(Path.Combine(folder, file))));
        return folder;
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }

    private static string Vocabulary(string json, Action<Dictionary<string, int>> edit)
    {
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(json)!;
        edit(vocabulary);
        return JsonSerializer.Serialize(vocabulary);
    }
}
