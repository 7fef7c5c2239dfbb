using Aro.Cli.Tests.Support;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

public sealed class TaggerCommandTests
{
    private const string Treebank =
        "1\tthe\t_\tDET\tDT\t_\t_\t_\t_\t_\n2\tdog\t_\tNOUN\tNN\t_\t_\t_\t_\t_\n3\truns\t_\tVERB\tVBZ\t_\t_\t_\t_\t_\n\n" +
        "1\ta\t_\tDET\tDT\t_\t_\t_\t_\t_\n2\tbig\t_\tADJ\tJJ\t_\t_\t_\t_\t_\n3\tcat\t_\tNOUN\tNN\t_\t_\t_\t_\t_\n4\tsleeps\t_\tVERB\tVBZ\t_\t_\t_\t_\t_\n\n";

    [Fact]
    public async Task Evaluate_measures_the_built_in_tagger_on_the_caption_set()
    {
        var run = await CliRun.InvokeAsync("tagger", "evaluate", RepoPaths.InRepo("tests", "fixtures", "caption-pos", "captions.conllu"));

        Assert.True(run.ExitCode == 0, run.Error);
        // docs/pos-tagger.md: 1,400 sentences, 11,173 tokens, 99.76% on the noun/adjective decision.
        Assert.Contains("captions.conllu: 1400 sentences, 11173 tokens:", run.Out);
        Assert.Contains("noun/adjective 99.76 %", run.Out);
    }

    [Fact]
    public async Task Train_writes_a_model_that_evaluate_reads()
    {
        using var temp = new TempDirectory();
        var conllu = temp.Write("toy.conllu", Treebank);
        var model = temp.File("toy.tagger.gz");

        var train = await CliRun.InvokeAsync("tagger", "train", "--train", conllu, "--out", model, "--iterations", "3");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("2 treebank and 0 caption sentences", train.Out);

        var evaluate = await CliRun.InvokeAsync("tagger", "evaluate", conllu, "--model", model);
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        Assert.Contains("toy.conllu: 2 sentences, 7 tokens: UPOS 100.00 %", evaluate.Out);
    }

    [Fact]
    public async Task Captions_without_wordnet_are_an_input_error_that_says_what_to_pass()
    {
        using var temp = new TempDirectory();
        var conllu = temp.Write("toy.conllu", Treebank);

        var run = await CliRun.InvokeAsync("tagger", "train", "--train", conllu, "--out", temp.File("m.gz"), "--captions", "10");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--wordnet", run.Error);
        Assert.False(File.Exists(temp.File("m.gz")));
    }
}
