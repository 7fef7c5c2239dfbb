using Aro.Core.Metrics;
using Xunit;

namespace Aro.Core.Tests.Metrics;

/// <summary>Winoground's text, image and group rules with strict comparisons, worked by hand.</summary>
public sealed class PairScoresTests
{
    [Theory]
    [InlineData(0.9, 0.1, 0.2, 0.8, true, true)]   // each image its own caption, each caption its own image
    [InlineData(0.9, 0.95, 0.2, 0.8, false, false)] // caption 0 prefers image 1 (image wrong) and image 1 prefers caption 0 (text wrong)
    [InlineData(0.5, 0.1, 0.6, 0.9, false, true)]   // image 0 prefers caption 1 (text wrong); each caption still prefers its own image
    [InlineData(0.9, 0.95, 0.2, 0.99, true, false)] // each image prefers its own caption; caption 0 prefers image 1
    public void Text_and_image_follow_winogrounds_rule(double c0i0, double c0i1, double c1i0, double c1i1, bool text, bool image)
    {
        var scores = new PairScores(c0i0, c0i1, c1i0, c1i1);

        Assert.Equal(text, scores.TextCorrect);
        Assert.Equal(image, scores.ImageCorrect);
        Assert.Equal(text && image, scores.GroupCorrect);
    }

    [Fact]
    public void A_tie_is_wrong()
    {
        // Image 0 scores both captions the same: its text comparison is a tie, counted wrong.
        var textTie = new PairScores(0.5, 0.2, 0.5, 0.9);
        Assert.False(textTie.TextCorrect);
        Assert.True(textTie.ImageCorrect);

        // Two identical images: every caption scores them the same, so the image comparisons tie.
        var identicalImages = new PairScores(0.3, 0.3, 0.1, 0.1);
        Assert.False(identicalImages.ImageCorrect);
        Assert.False(identicalImages.GroupCorrect);
    }

    [Fact]
    public void The_tally_has_all_then_each_group_in_order_of_first_appearance()
    {
        var tally = new PairScoreTally();
        tally.Add("Relation", new PairScores(0.9, 0.1, 0.2, 0.8));
        tally.Add("Object", new PairScores(0.1, 0.9, 0.2, 0.8));
        tally.Add("Relation", new PairScores(0.9, 0.1, 0.95, 0.8));

        var rows = tally.Rows();

        Assert.Equal(["all", "Relation", "Object"], rows.Select(r => r.Group));
        Assert.Equal((3, 1, 1, 1), (rows[0].Count, rows[0].TextCorrect, rows[0].ImageCorrect, rows[0].GroupCorrect));
        Assert.Equal(0.5, rows[1].GroupScore);
        Assert.Equal(0, rows[2].ImageScore);
    }
}
