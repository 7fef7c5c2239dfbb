
namespace Aro.Core.Metrics;

/// <summary>
/// The prediction rule of the official ARO code: <c>np.argmax</c>, which returns the FIRST maximum. A tie therefore
/// picks option 0: wrong on VG (option 0 is the false caption), right on Order (option 0 is the original).
/// </summary>
public static class FirstArgmax
{
    public static int Of(IReadOnlyList<double> scores)
    {
        if (scores.Count == 0)
        {
            throw new ArgumentException("no scores", nameof(scores));
        }

        var best = 0;
        for (var i = 1; i < scores.Count; i++)
        {
            // NaN never wins unless it comes first, as with numpy's argmax over a NaN-free prefix.
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }
}
