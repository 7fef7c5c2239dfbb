using System.Globalization;
using System.Runtime.CompilerServices;
using Aro.Core.Cases;
using Aro.Core.Metrics;

namespace Aro.Core.Benchmarks;

/// <summary>
/// The shape of a subset whose instances are two images and two captions, caption k describing image k (Winoground),
/// scored per instance: text score (each image prefers its own caption), image score (each caption prefers its own
/// image) and group score (both), with strict comparisons. The evaluation dispatches on this type. Each instance is run
/// as two cases, image 0 with [caption 0, caption 1] (label 0) then image 1 with the same two captions (label 1), whose
/// four scores an instance-level collector puts back together.
/// </summary>
public abstract class PairMatchingSubset : NativeSubset
{
    /// <summary>The group score over all instances: what summary.csv and <c>aro compare</c> carry for the subset.</summary>
    public static MetricOfRecord GroupScore { get; } = new(MetricAggregate.Micro, "group", "group score (text and image both right) over all instances");

    /// <summary>The instances in file order.</summary>
    public abstract IAsyncEnumerable<PairInstance> ReadInstancesAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>The annotation file the instances come from.</summary>
    public abstract string AnnotationFile(string folder);

    public sealed override MetricOfRecord Metric => GroupScore;

    public sealed override IGroupFilter GroupFilter => AllGroupsFilter.Instance;

    /// <summary>Per case: the case's own caption must score strictly higher (the instance scores are what count).</summary>
    public sealed override PredictionRule Prediction => PredictionRule.LabelStrictlyHighest;

    /// <summary>Instance ids are the dataset's, so frozen files name the subset.</summary>
    public sealed override bool IdsNameTheSubset => false;

    /// <summary>One row per instance (<c>&lt;subset&gt;.predictions.csv</c>): paired on the group score, the metric of record.</summary>
    public sealed override PairingColumns Pairing { get; } = new("id", "collapsed_tag", "group_correct");

    /// <summary>Two cases per instance (see the class remarks); ids <c>{id}:i0</c> and <c>{id}:i1</c>, group the instance's.</summary>
    public sealed override ICaseReader OpenReader(string folder, int seed) => new PairCases(this, folder);

    /// <summary>The id of the case of <paramref name="image"/> (0 or 1) of an instance.</summary>
    public static string CaseIdOf(string instanceId, int image) => string.Create(CultureInfo.InvariantCulture, $"{instanceId}:i{image}");

    /// <summary>The instance id of a case id made by <see cref="CaseIdOf"/>, or null.</summary>
    public static string? InstanceIdOf(string caseId, int image) =>
        caseId.EndsWith(string.Create(CultureInfo.InvariantCulture, $":i{image}"), StringComparison.Ordinal) ? caseId[..^3] : null;

    private sealed class PairCases(PairMatchingSubset subset, string folder) : ICaseReader
    {
        public IReadOnlyList<string> SourceFiles => [subset.AnnotationFile(folder)];

        public IReadOnlyList<string> DataFolders => [Path.GetFullPath(folder)];

        public async IAsyncEnumerable<AroCase> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var instances = 0;
            await foreach (var instance in subset.ReadInstancesAsync(folder, cancellationToken).ConfigureAwait(false))
            {
                IReadOnlyList<string> captions = [instance.Caption0, instance.Caption1];
                yield return new AroCase(2 * instance.Index, CaseIdOf(instance.Id, 0), instance.Image0, null, captions, 0, instance.Group);
                yield return new AroCase((2 * instance.Index) + 1, CaseIdOf(instance.Id, 1), instance.Image1, null, captions, 1, instance.Group);
                instances++;
            }

            if (instances == 0)
            {
                throw EmptyCaseFile.Error(subset.AnnotationFile(folder), "instances");
            }
        }
    }
}

/// <summary>One instance of a <see cref="PairMatchingSubset"/>.</summary>
/// <param name="Index">Its position in the file.</param>
/// <param name="Id">The dataset's id.</param>
/// <param name="Image0">Image 0's full path.</param>
/// <param name="Image1">Image 1's full path.</param>
/// <param name="Caption0">The caption of image 0.</param>
/// <param name="Caption1">The caption of image 1.</param>
/// <param name="Group">Its group in the scores table (Winoground's <c>collapsed_tag</c>).</param>
public sealed record PairInstance(int Index, string Id, string Image0, string Image1, string Caption0, string Caption1, string Group);
