using Aro.Core.Cases;
using Aro.Core.Pipeline;
using Xunit;

namespace Aro.Core.Tests.Eval;

/// <summary>
/// Crop boxes JSON cannot express (NaN, infinities) can still reach the pipeline from code building cases itself;
/// they are unscorable cases like the rest.
/// </summary>
public sealed class CaseProblemsTests
{
    [Theory]
    [InlineData(0, 0, double.NaN, 10)]
    [InlineData(0, 0, 10, double.NaN)]
    [InlineData(double.NaN, 0, 10, 10)]
    [InlineData(0, double.PositiveInfinity, 10, 10)]
    [InlineData(0, 0, double.PositiveInfinity, 10)]
    [InlineData(0, 0, -1, 10)]
    [InlineData(0, 0, 10, 0)]
    public void Unusable_boxes_are_problems(double x, double y, double w, double h)
    {
        var aroCase = new AroCase(0, "c", "/x.jpg", new CropBox(x, y, w, h), ["a", "b"], 1, "g");

        Assert.Contains("non-positive or non-finite size", CaseProblems.Find(aroCase));
    }

    [Fact]
    public void A_usable_case_has_no_problem()
    {
        Assert.Null(CaseProblems.Find(new AroCase(0, "c", "/x.jpg", new CropBox(-5, 0.5, 1, 1e4), ["a", "b"], 0, "g")));
    }
}
