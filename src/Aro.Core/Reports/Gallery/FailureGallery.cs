using Aro.Core.Benchmarks;
using Aro.Core.Results;

namespace Aro.Core.Reports.Gallery;

/// <summary>
/// Builds the failure gallery of <c>aro report</c> (<see cref="GallerySelection"/> says which cases, in which order):
/// per subset, each model's most confident mistakes and closest calls, and the cases where the report's first model
/// and each other model disagree, with each case's image as the model saw it (<see cref="Thumbnails"/>).
/// <para>
/// Predictions: the subset's run in run.json (<c>subsets[].result_stem</c>), the first seed for a subset run with
/// several; disagreements pair the first seed both folders ran. Images: the cases are re-read from the data that
/// run.json records, or <c>--data</c> (<see cref="CaseSource"/>), in one pass per data file for all the ids any
/// card needs. Whatever cannot be found — the data, an image — is a note on its subset and a card without its
/// picture, never a failed report.
/// </para>
/// <para>
/// The page's size is bounded by <see cref="ThumbnailLimits"/>: thumbnails are handed out rank by rank (every list's
/// first card, then every list's second, ...), in the report's order within a rank, until the budget is spent; the
/// cards after that show their texts and scores only.
/// </para>
/// </summary>
public static class FailureGallery
{
    /// <param name="models">Each results folder with its label in the report, in the report's order.</param>
    /// <param name="subsets">The subsets, in the report's order.</param>
    /// <param name="options">How many cases per list, where the data is, the thumbnail limits.</param>
    public static GalleryContent Build(IReadOnlyList<(string Label, ResultsFolder Folder)> models, IReadOnlyList<string> subsets, GalleryOptions options)
    {
        options.Validate();
        var drafts = new List<SubsetDraft>();
        if (options.Enabled)
        {
            foreach (var subset in subsets)
            {
                var draft = Select(models, subset, options);
                if (draft.Panels.Count > 0 || draft.Pairs.Count > 0 || draft.Notes.Count > 0)
                {
                    drafts.Add(draft);
                }
            }
        }

        var images = new Dictionary<(string Key, string Id), CaseImage>();
        foreach (var group in drafts.SelectMany(d => d.Slots).Where(s => s.Source is not null).GroupBy(s => s.Source!.Key, StringComparer.Ordinal))
        {
            var ids = group.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var source = group.First().Source!;
            try
            {
                foreach (var (id, image) in source.FindImages(ids))
                {
                    images[(source.Key, id)] = image;
                }
            }
            catch (AroException ex)
            {
                foreach (var draft in drafts.Where(d => d.Slots.Any(s => s.Source?.Key == source.Key)))
                {
                    draft.Notes.Add($"No thumbnails from {source.AnnotationFile}: its cases could not be read: {ex.Message}");
                }
            }
        }

        var thumbnails = new Thumbnails(options.Limits);
        var (shown, overBudget, characters) = (0, 0, 0L);
        var spent = false;
        var slots = drafts.SelectMany(d => d.Slots.Select(s => (Draft: d, Slot: s))).Select((x, order) => (x.Draft, x.Slot, Order: order))
            .OrderBy(x => x.Slot.Rank).ThenBy(x => x.Order);
        foreach (var (draft, slot, _) in slots)
        {
            if (slot.Source is null)
            {
                slot.Image = CardImage.Without("no image: " + slot.SourceProblem);
                continue;
            }

            if (!images.TryGetValue((slot.Source.Key, slot.Id), out var image))
            {
                slot.Image = CardImage.Without($"no image: case {slot.Id} is not in {slot.Source.AnnotationFile}");
                draft.Notes.Add($"Some cases are not in {slot.Source.AnnotationFile}: the data changed since the run, or the folder is another subset's.");
                continue;
            }

            if (spent)
            {
                slot.Image = CardImage.Without("thumbnail left out: the report's image budget is spent");
                overBudget++;
                continue;
            }

            var thumbnail = thumbnails.Make(image);
            if (thumbnail.DataUri is not { } uri)
            {
                slot.Image = CardImage.Without(thumbnail.Missing ? $"image not found: {image.Path}" : $"no image: {thumbnail.Problem}");
                if (thumbnail.Missing)
                {
                    draft.Missing.Add(image.Path);
                }

                continue;
            }

            if (characters + uri.Length > options.Limits.Budget)
            {
                spent = true;
                slot.Image = CardImage.Without("thumbnail left out: the report's image budget is spent");
                overBudget++;
                continue;
            }

            characters += uri.Length;
            shown++;
            slot.Image = new CardImage(uri, thumbnail.Width, thumbnail.Height, null);
        }

        return new GalleryContent(options.Enabled ? options.Count : 0, [.. drafts.Select(d => d.Finish())], shown, overBudget, characters, options.Limits);
    }

    private static SubsetDraft Select(IReadOnlyList<(string Label, ResultsFolder Folder)> models, string subset, GalleryOptions options)
    {
        var draft = new SubsetDraft(subset, BenchmarkRegistry.Describe(subset).Title);
        var runs = models.Select(m => Runs(m.Folder, subset)).ToList();
        for (var m = 0; m < models.Count; m++)
        {
            if (runs[m] is not [var run, ..] || Readable(models[m].Label, run, draft) is not { } path)
            {
                continue;
            }

            var (source, problem) = CaseSource.Find(subset, run.Seed, run.DataFile, options.DataDirectory);
            if (problem is not null)
            {
                draft.Notes.Add($"{models[m].Label}: no thumbnails: {problem}.");
            }

            var rows = PredictionsReader.Read(path).ToList();
            var mistakes = GallerySelection.MostConfidentMistakes(rows, options.Count);
            var closest = GallerySelection.ClosestCalls(rows, options.Count);
            draft.Panels.Add((new PanelDraft(models[m].Label, GalleryList.MostConfidentMistakes, run.Seed, rows.Count(r => !r.Correct)),
                [.. mistakes.Select((r, i) => new Slot(r.Id, i, source, problem) { Row = r })]));
            draft.Panels.Add((new PanelDraft(models[m].Label, GalleryList.ClosestCalls, run.Seed, rows.Count),
                [.. closest.Select((r, i) => new Slot(r.Id, i, source, problem) { Row = r })]));
        }

        for (var m = 1; m < models.Count; m++)
        {
            if (runs[0].Count == 0 || runs[m].Count == 0)
            {
                continue;
            }

            var seeds = runs[m].Select(r => r.Seed).ToList();
            if (runs[0].FirstOrDefault(r => seeds.Contains(r.Seed)) is not { } first)
            {
                draft.Notes.Add($"{models[0].Label} and {models[m].Label} ran no seed in common: no disagreements to show.");
                continue;
            }

            var second = runs[m].First(r => r.Seed == first.Seed);
            if (Readable(models[0].Label, first, draft) is not { } firstPath || Readable(models[m].Label, second, draft) is not { } secondPath)
            {
                continue;
            }

            var result = GallerySelection.Disagree(PredictionsReader.Read(firstPath), PredictionsReader.Read(secondPath), options.Count);
            if (result.Mismatched > 0)
            {
                draft.Notes.Add(FormattableString.Invariant(
                    $"{models[0].Label} and {models[m].Label}: {result.Mismatched} cases with the same id have other options or another label, and are not compared."));
            }

            // Both ran the same cases, so either's data shows them: the first model's, else the other's.
            var (source, problem) = CaseSource.Find(subset, first.Seed, first.DataFile, options.DataDirectory);
            if (source is null)
            {
                (source, var otherProblem) = CaseSource.Find(subset, second.Seed, second.DataFile, options.DataDirectory);
                problem = source is null ? otherProblem : null;
            }

            if (problem is not null)
            {
                draft.Notes.Add($"{models[0].Label} vs {models[m].Label}: no thumbnails: {problem}.");
            }

            draft.Pairs.Add((new PairDraft(models[0].Label, models[m].Label, first.Seed, result),
                [.. result.FirstRight.Select((p, i) => new Slot(p.First.Id, i, source, problem) { Pair = p })],
                [.. result.SecondRight.Select((p, i) => new Slot(p.First.Id, i, source, problem) { Pair = p })]));
        }

        return draft;
    }

    /// <summary>The predictions file of a run when it exists and holds scores; otherwise null, with a note saying why.</summary>
    private static string? Readable(string label, SubsetRunFiles run, SubsetDraft draft)
    {
        if (!File.Exists(run.PredictionsPath))
        {
            draft.Notes.Add($"{label}: {run.PredictionsPath} is not there: nothing to show.");
            return null;
        }

        if (!PredictionsReader.HasScores(run.PredictionsPath))
        {
            draft.Notes.Add($"{label}: {run.PredictionsPath} has no score and option columns: nothing to show.");
            return null;
        }

        return run.PredictionsPath;
    }

    /// <summary>
    /// The runs of <paramref name="subset"/> in a folder, first seed first: from run.json's <c>subsets[]</c>, or, in a
    /// folder without them, from the predictions files there (whose data is then unknown).
    /// </summary>
    private static IReadOnlyList<SubsetRunFiles> Runs(ResultsFolder folder, string subset)
    {
        if (folder.Row(subset) is null)
        {
            return [];
        }

        var recorded = folder.Provenance?.Subsets.Where(s => s.Name == subset).ToList() ?? [];
        if (recorded.Count > 0)
        {
            return [.. recorded
                .Select(s => new SubsetRunFiles(s.Seed, Path.Combine(folder.Directory, ResultFiles.Predictions(s.ResultStem ?? subset)), s.Files.FirstOrDefault()))
                .DistinctBy(r => r.Seed)
                .OrderBy(r => r.Seed ?? int.MinValue)];
        }

        return [.. ResultsFolderReader.FindPredictions(folder.Directory, subset).Select(p => new SubsetRunFiles(p.Seed, p.Path, null))];
    }

    /// <summary>One run of a subset in a results folder: its seed, predictions file and recorded data file.</summary>
    private sealed record SubsetRunFiles(int? Seed, string PredictionsPath, HashedFile? DataFile);

    private sealed record PanelDraft(string Model, GalleryList Kind, int? Seed, int Candidates);

    private sealed record PairDraft(string First, string Second, int? Seed, Disagreements Counts);

    /// <summary>A card waiting for its thumbnail: its case, its rank in its list, and where its image can be found.</summary>
    private sealed class Slot(string id, int rank, CaseSource? source, string? sourceProblem)
    {
        public string Id { get; } = id;

        public int Rank { get; } = rank;

        public CaseSource? Source { get; } = source;

        public string? SourceProblem { get; } = sourceProblem;

        public PredictionRow? Row { get; init; }

        public CasePair? Pair { get; init; }

        public CardImage Image { get; set; } = CardImage.Without("no image");
    }

    private sealed class SubsetDraft(string subset, string title)
    {
        public List<(PanelDraft Panel, List<Slot> Cards)> Panels { get; } = [];

        public List<(PairDraft Pair, List<Slot> FirstRight, List<Slot> SecondRight)> Pairs { get; } = [];

        /// <summary>Notes in the order first raised, each once.</summary>
        public List<string> Notes { get; } = [];

        public SortedSet<string> Missing { get; } = new(StringComparer.Ordinal);

        /// <summary>Every card of the subset in page order: each model's lists, then each pair's two directions.</summary>
        public IEnumerable<Slot> Slots =>
            Panels.SelectMany(p => p.Cards).Concat(Pairs.SelectMany(p => p.FirstRight.Concat(p.SecondRight)));

        public GallerySubset Finish()
        {
            var notes = Notes.Distinct(StringComparer.Ordinal).ToList();
            return new GallerySubset(
                subset,
                title,
                [.. Panels.Select(p => new GalleryPanel(p.Panel.Model, p.Panel.Kind, p.Panel.Seed, p.Panel.Candidates, [.. p.Cards.Select(c => new GalleryCard(c.Row!, c.Image))]))],
                [.. Pairs.Select(p => new DisagreementPanel(p.Pair.First, p.Pair.Second, p.Pair.Seed, p.Pair.Counts,
                    [.. p.FirstRight.Select(c => new PairCard(c.Pair!, c.Image))], [.. p.SecondRight.Select(c => new PairCard(c.Pair!, c.Image))]))],
                notes,
                [.. Missing]);
        }
    }
}
