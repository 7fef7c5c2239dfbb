using Aro.Core.Benchmarks;
using Aro.Core.Cases;
using Aro.Core.Metrics;
using Aro.Core.Pipeline;
using Aro.Core.Results;

namespace Aro.Core.Evaluation;

/// <summary>
/// Puts a pair-matching subset's instances back together from its cases, which arrive in order: case <c>2k</c> is
/// instance <c>k</c>'s image 0 with scores [s(c0,i0), s(c1,i0)], case <c>2k + 1</c> its image 1 with [s(c0,i1),
/// s(c1,i1)]. An instance with a case left out under <c>--on-error skip</c> is left out whole, with that case's reason.
/// </summary>
internal sealed class PairMatchCollector(PairMatchingSubset subset) : ICaseSink
{
    private readonly List<PairMatchResult> _results = [];
    private readonly List<SkippedCase> _skipped = [];
    private readonly PairScoreTally _tally = new();
    private (AroCase? Case, CaseResult? Result, SkippedCase? Skipped) _first;

    public IReadOnlyList<PairMatchResult> Results => _results;

    /// <summary>Instances left out, one entry each (index and id of the instance, the case's reason).</summary>
    public IReadOnlyList<SkippedCase> Skipped => _skipped;

    public PairScoreTally Tally => _tally;

    public void Add(AroCase aroCase, CaseResult result)
    {
        if (aroCase.Index % 2 == 0)
        {
            Begin(aroCase.Index);
            _first = (aroCase, result, null);
            return;
        }

        Expect(aroCase.Index);
        var instanceId = InstanceId(aroCase.Id, 1, aroCase.Index);
        if (_first.Skipped is { } skipped)
        {
            _skipped.Add(skipped with { Index = aroCase.Index / 2, Id = instanceId });
        }
        else if (_first is { Case: { } first, Result: { } firstResult })
        {
            if (InstanceId(first.Id, 0, first.Index) != instanceId || !first.Captions.SequenceEqual(aroCase.Captions))
            {
                throw new AroInputException(
                    $"{subset.Name}: cases {first.Id} and {aroCase.Id} should be the two images of one instance with the same two captions; they are not");
            }

            var scores = new PairScores(firstResult.Scores[0], result.Scores[0], firstResult.Scores[1], result.Scores[1]);
            _results.Add(new PairMatchResult(aroCase.Index / 2, instanceId, aroCase.Group, scores));
            _tally.Add(aroCase.Group, scores);
        }

        _first = default;
    }

    public void Skip(SkippedCase skipped)
    {
        if (skipped.Index % 2 == 0)
        {
            Begin(skipped.Index);
            _first = (null, null, skipped);
            return;
        }

        Expect(skipped.Index);
        var reason = _first.Skipped?.Reason ?? skipped.Reason;
        _skipped.Add(skipped with { Index = skipped.Index / 2, Id = PairMatchingSubset.InstanceIdOf(skipped.Id, 1) ?? skipped.Id, Reason = reason });
        _first = default;
    }

    public void BatchCompleted()
    {
    }

    /// <summary>Every instance must be complete when the cases run out.</summary>
    public void Finish()
    {
        if (_first != default)
        {
            throw new AroInputException($"{subset.Name}: the cases end with half an instance (case {_first.Case?.Id ?? _first.Skipped?.Id}); each instance is two cases");
        }
    }

    private void Begin(int index)
    {
        if (_first != default)
        {
            throw new AroInputException($"{subset.Name}: case {index} begins an instance before the one of case {index - 1} has its second image");
        }
    }

    private void Expect(int index)
    {
        if (_first == default)
        {
            throw new AroInputException($"{subset.Name}: case {index} is an instance's second image, but its first (case {index - 1}) did not come before it");
        }
    }

    private string InstanceId(string caseId, int image, int index) =>
        PairMatchingSubset.InstanceIdOf(caseId, image) ?? throw new AroInputException(
            $"{subset.Name}: case {index} has id '{caseId}', which does not end in ':i{image}' as the cases of image {image} of an instance do");
}
