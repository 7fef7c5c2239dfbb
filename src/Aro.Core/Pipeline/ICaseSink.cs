using Aro.Core.Cases;
using Aro.Core.Results;

namespace Aro.Core.Pipeline;

/// <summary>Receives a subset's outcomes in case order.</summary>
public interface ICaseSink
{
    void Add(AroCase aroCase, CaseResult result);

    void Skip(SkippedCase skipped);

    /// <summary>Every outcome of a batch has been handed over (a safe point to checkpoint).</summary>
    void BatchCompleted();
}
