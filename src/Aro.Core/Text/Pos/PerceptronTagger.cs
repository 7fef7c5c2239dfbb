namespace Aro.Core.Text.Pos;

/// <summary>
/// Greedy left-to-right part-of-speech tagging with a <see cref="PerceptronModel"/>. The model shipped inside
/// aro (<see cref="LoadEmbedded"/>) was trained by Aro.Tagging.Training's <c>PerceptronTrainer</c>; see
/// docs/pos-tagger.md for its accuracy and how to re-train it. Immutable, so one instance serves every thread.
/// </summary>
public sealed class PerceptronTagger : IPosTagger
{
    /// <summary>The manifest name of the model embedded in Aro.Core.</summary>
    public const string EmbeddedModelName = "Aro.Core.Text.Pos.ud-english-ewt.tagger.gz";

    private static readonly Lazy<PerceptronTagger> Embedded = new(
        () =>
        {
            using var stream = typeof(PerceptronTagger).Assembly.GetManifestResourceStream(EmbeddedModelName)
                ?? throw new AroException($"the embedded tagger model {EmbeddedModelName} is missing from Aro.Core");
            return new PerceptronTagger(PerceptronModel.Load(stream, EmbeddedModelName));
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    public PerceptronTagger(PerceptronModel model)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
    }

    /// <summary>The weights this tagger uses.</summary>
    public PerceptronModel Model { get; }

    /// <summary>The tagger shipped in Aro.Core (loaded once, then shared).</summary>
    public static PerceptronTagger LoadEmbedded() => Embedded.Value;

    /// <summary>A tagger from a model file (<c>aro tagger train --out</c>).</summary>
    public static PerceptronTagger Load(string path) => new(PerceptronModel.Load(path));

    /// <inheritdoc />
    public IReadOnlyList<PosTag> Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            return [];
        }

        return [.. Model.Predict(tokens).Select(label => Model.Labels[label])];
    }
}
