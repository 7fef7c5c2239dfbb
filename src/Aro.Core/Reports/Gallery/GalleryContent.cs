namespace Aro.Core.Reports.Gallery;

/// <summary>The failure gallery of a report, ready to render: per subset, each model's lists and each pair's disagreements.</summary>
/// <param name="Count">Cases per list (<c>--gallery N</c>).</param>
/// <param name="Subsets">The subsets with something to show, in the report's order.</param>
/// <param name="ThumbnailsShown">Thumbnails in the page (a thumbnail shown on two cards counts twice).</param>
/// <param name="ThumbnailsOverBudget">Cards left without their thumbnail because the budget was spent.</param>
/// <param name="ThumbnailCharacters">The characters the thumbnails' data URIs take in the page.</param>
/// <param name="Limits">The thumbnail limits used.</param>
public sealed record GalleryContent(
    int Count,
    IReadOnlyList<GallerySubset> Subsets,
    int ThumbnailsShown,
    int ThumbnailsOverBudget,
    long ThumbnailCharacters,
    ThumbnailLimits Limits);

/// <summary>One subset's part of the gallery, with the notes on what could not be shown and why.</summary>
public sealed record GallerySubset(
    string Subset,
    string Title,
    IReadOnlyList<GalleryPanel> Panels,
    IReadOnlyList<DisagreementPanel> Disagreements,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> MissingImages);

/// <summary>The two lists the gallery shows for each model.</summary>
public enum GalleryList
{
    /// <summary>The wrong cases, most confident first.</summary>
    MostConfidentMistakes,

    /// <summary>Every case, closest call first.</summary>
    ClosestCalls,
}

/// <summary>One model's list for one subset.</summary>
/// <param name="Model">The model's label in the report.</param>
/// <param name="Seed">The seed of the predictions shown (the first the folder has), null for subsets that use none.</param>
/// <param name="Candidates">How many cases the list chose from (the mistakes, or every case).</param>
public sealed record GalleryPanel(string Model, GalleryList Kind, int? Seed, int Candidates, IReadOnlyList<GalleryCard> Cards);

/// <summary>One case of one model: its predictions row and its thumbnail.</summary>
public sealed record GalleryCard(PredictionRow Row, CardImage Image);

/// <summary>Where two models (the report's first and another) disagree on one subset.</summary>
/// <param name="Seed">The seed both ran whose predictions are paired, null for subsets that use none.</param>
public sealed record DisagreementPanel(string First, string Second, int? Seed, Disagreements Counts, IReadOnlyList<PairCard> FirstRight, IReadOnlyList<PairCard> SecondRight);

/// <summary>One case as two models answered it, with its thumbnail.</summary>
public sealed record PairCard(CasePair Pair, CardImage Image);

/// <summary>A card's thumbnail as a data URI with its size, or why the card has none.</summary>
public sealed record CardImage(string? DataUri, int Width, int Height, string? Absent)
{
    public static CardImage Without(string reason) => new(null, 0, 0, reason);
}
