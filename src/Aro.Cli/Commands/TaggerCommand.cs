using System.CommandLine;
using System.Globalization;
using Aro.Core.Text.Pos;
using Aro.Tagging.Training;

namespace Aro.Cli.Commands;

/// <summary>
/// <c>aro tagger train | evaluate</c>: the part-of-speech tagger behind the Order perturbations. Training is a
/// command run once (the weights are committed), never part of an evaluation.
/// </summary>
internal sealed class TaggerCommand : ICliCommand
{
    private readonly CliConsole _console;
    private readonly Option<string> _train = new("--train") { Description = "CoNLL-U training file (UD English EWT: en_ewt-ud-train.conllu).", Required = true };
    private readonly Option<string> _out = new("--out", "-o") { Description = "Where to write the weights (.tagger.gz).", Required = true };
    private readonly Option<string?> _wordnet = new("--wordnet") { Description = "WordNet 3.0 database folder (Debian's wordnet-base: /usr/share/wordnet): word-class features and the vocabulary of the synthetic captions." };
    private readonly Option<int?> _captions = new("--captions") { Description = $"Synthetic caption sentences to train on besides the treebank (default {TaggerTrainingRecipe.DefaultCaptionSentences} with --wordnet, else 0)." };
    private readonly Option<string?> _heldOut = new("--held-out-words") { Description = "File of words (one a line) the synthetic captions must not use, e.g. an evaluation set's vocabulary." };
    private readonly Option<int> _iterations = new("--iterations") { Description = "Training passes.", DefaultValueFactory = _ => PerceptronTrainer.DefaultIterations };
    private readonly Option<long> _seed = new("--seed") { Description = "Seed of the training order and of the synthetic captions.", DefaultValueFactory = _ => PerceptronTrainer.DefaultSeed };
    private readonly Argument<string> _conllu = new("conllu") { Description = "CoNLL-U file to evaluate on (e.g. en_ewt-ud-test.conllu)." };
    private readonly Option<string?> _model = new("--model") { Description = "Weights to evaluate (default: the built-in tagger)." };

    public TaggerCommand(CliConsole console)
    {
        _console = console;
        var train = new Command("train", "Train the averaged-perceptron tagger on a CoNLL-U file (deterministic: the same inputs give the same weights).")
        {
            _train, _out, _wordnet, _captions, _heldOut, _iterations, _seed,
        };
        train.SetAction(Train);
        var evaluate = new Command("evaluate", "Measure the tagger's UPOS, XPOS and noun/adjective accuracy on a CoNLL-U file.") { _conllu, _model };
        evaluate.SetAction(Evaluate);
        Command = new Command("tagger", "The part-of-speech tagger used by the Order perturbations.") { train, evaluate };
        Examples = new Dictionary<Command, IReadOnlyList<string>>
        {
            [train] = ["aro tagger train --train <ud-english-ewt>/en_ewt-ud-train.conllu --wordnet /usr/share/wordnet --held-out-words tests/fixtures/caption-pos/vocabulary.txt --out src/Aro.Core/Text/Pos/ud-english-ewt.tagger.gz"],
            [evaluate] = ["aro tagger evaluate <ud-english-ewt>/en_ewt-ud-test.conllu", "aro tagger evaluate tests/fixtures/caption-pos/captions.conllu"],
        };
    }

    public Command Command { get; }

    public IReadOnlyDictionary<Command, IReadOnlyList<string>> Examples { get; }

    private int Train(ParseResult parse)
    {
        var wordnet = parse.GetValue(_wordnet) is { } folder ? RequireFolder(folder) : null;
        var recipe = new TaggerTrainingRecipe(
            RequireFile(parse.GetValue(_train)!),
            wordnet,
            parse.GetValue(_heldOut) is { } heldOut ? RequireFile(heldOut) : null,
            parse.GetValue(_captions) ?? (wordnet is null ? 0 : TaggerTrainingRecipe.DefaultCaptionSentences),
            parse.GetValue(_iterations),
            parse.GetValue(_seed));
        var model = recipe.Train(line => _console.Error.WriteLine(line));
        var output = Path.GetFullPath(parse.GetValue(_out)!);
        PerceptronModelWriter.Save(model, output);
        _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output} ({model.Training.Sentences} treebank and {model.Training.CaptionSentences} caption sentences, {model.FeatureCount} features, {model.WeightCount} weights)"));
        return ExitCodes.Ok;
    }

    private int Evaluate(ParseResult parse)
    {
        var conllu = RequireFile(parse.GetValue(_conllu)!);
        var tagger = parse.GetValue(_model) is { } path ? PerceptronTagger.Load(RequireFile(path)) : PerceptronTagger.LoadEmbedded();
        var accuracy = TaggerEvaluation.Evaluate(tagger, conllu);
        _console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(conllu)}: {accuracy.Sentences} sentences, {accuracy.Tokens} tokens: UPOS {accuracy.Upos:P2}, XPOS {accuracy.Xpos:P2}, noun/adjective {accuracy.NounAdjective:P2}"));
        return ExitCodes.Ok;
    }

    private static string RequireFile(string path) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new Aro.Core.AroInputException($"file not found: {Path.GetFullPath(path)}");

    private static string RequireFolder(string path) =>
        Directory.Exists(path) ? Path.GetFullPath(path) : throw new Aro.Core.AroInputException($"folder not found: {Path.GetFullPath(path)}");
}
