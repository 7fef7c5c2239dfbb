using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text;

/// <summary>
/// Tokenizer files that the BPE and WordPiece libraries accept but that would silently change every caption's ids are
/// refused at load: a merges.txt cut short (the demo's vocab.json holds 874 tokens = 512 byte tokens + its 360 merges
/// + 2 specials, counted by hand from the files), two tokens sharing an id in vocab.json, a token listed twice in
/// vocab.txt. The real CLIP files (49,408 tokens, 48,894 merges) pass: ClipBpeTokenizerTests loads them.
/// </summary>
public sealed class TokenizerFileConsistencyTests
{
    private static readonly string DemoVocab = RepoPaths.InRepo("models", "demo", "vocab.json");
    private static readonly string DemoMerges = RepoPaths.InRepo("models", "demo", "merges.txt");

    [Fact]
    public void The_demo_files_fit_each_other()
    {
        var tokenizer = ClipBpeTokenizer.Load(DemoVocab, DemoMerges);

        Assert.Equal(873, tokenizer.HighestId);
        Assert.Equal(DemoVocab, tokenizer.VocabularySource);
    }

    [Fact]
    public void A_merges_file_cut_short_is_refused_naming_both_files()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadAllLines(DemoMerges);
        var merges = temp.Write("merges.txt", string.Join('\n', lines.Take(101)) + "\n"); // the #version header and 100 merges

        var error = Assert.Throws<AroInputException>(() => ClipBpeTokenizer.Load(DemoVocab, merges));

        Assert.Equal(
            $"{DemoVocab} holds 874 tokens but {merges} holds 100 merges, which make 512 byte tokens + 100 merged tokens + 2 specials = 614: " +
            "one of the files is cut short or they come from different tokenizers (download both again from the same model)",
            error.Message);
    }

    [Fact]
    public void A_vocabulary_cut_short_is_refused_too()
    {
        using var temp = new TempDirectory();
        var vocabulary = JsonNode.Parse(File.ReadAllText(DemoVocab))!.AsObject();
        vocabulary.Remove(vocabulary.Last(p => !p.Key.StartsWith("<|", StringComparison.Ordinal)).Key);
        var vocab = temp.Write("vocab.json", vocabulary.ToJsonString());

        var error = Assert.Throws<AroInputException>(() => ClipBpeTokenizer.Load(vocab, DemoMerges));

        Assert.StartsWith($"{vocab} holds 873 tokens but {DemoMerges} holds 360 merges, which make 512 byte tokens + 360 merged tokens + 2 specials = 874", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tokens_with_one_id_in_vocab_json_are_refused_naming_both()
    {
        using var temp = new TempDirectory();
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(DemoVocab))!;
        var first = vocabulary.First(p => p.Value == 5).Key;
        var second = vocabulary.First(p => p.Value == 6).Key;
        vocabulary[second] = 5;
        var vocab = temp.Write("vocab.json", JsonSerializer.Serialize(vocabulary));

        var error = Assert.Throws<AroInputException>(() => ClipBpeTokenizer.Load(vocab, DemoMerges));

        Assert.Equal($"{vocab}: tokens '{first}' and '{second}' both have id 5; every token needs its own id (the file is damaged or was edited)", error.Message);
    }

    [Fact]
    public void A_negative_id_in_vocab_json_is_refused()
    {
        using var temp = new TempDirectory();
        var vocabulary = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(DemoVocab))!;
        var token = vocabulary.First(p => p.Value == 7).Key;
        vocabulary[token] = -7;
        var vocab = temp.Write("vocab.json", JsonSerializer.Serialize(vocabulary));

        var error = Assert.Throws<AroInputException>(() => ClipBpeTokenizer.Load(vocab, DemoMerges));

        Assert.Equal($"{vocab}: token '{token}' has id -7; ids must be 0 or more", error.Message);
    }

    [Fact]
    public void A_token_listed_twice_in_vocab_txt_is_refused_naming_both_lines()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadAllLines(RepoPaths.InRepo("tests", "fixtures", "tiny-blip", "vocab.txt")).ToList();
        lines.Add(lines[10]);
        var vocab = temp.Write("vocab.txt", string.Join('\n', lines) + "\n");

        var error = Assert.Throws<AroInputException>(() => BertWordPieceTokenizer.Load(vocab));

        Assert.Equal(
            $"{vocab}: line {lines.Count} repeats the token '{lines[10]}' of line 11 (id 10); each token is listed once, its id being its line number - 1",
            error.Message);
    }

    [Fact]
    public void The_tiny_blip_vocabulary_reports_its_highest_id()
    {
        var vocab = RepoPaths.InRepo("tests", "fixtures", "tiny-blip", "vocab.txt");

        var tokenizer = BertWordPieceTokenizer.Load(vocab);

        Assert.Equal(File.ReadAllLines(vocab).Length - 1, tokenizer.HighestId);
        Assert.Equal(File.ReadAllLines(vocab)[^1], tokenizer.HighestToken);
    }
}
