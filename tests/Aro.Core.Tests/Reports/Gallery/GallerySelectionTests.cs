using Aro.Core.Reports.Gallery;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Reports.Gallery;

/// <summary>
/// Which cases the gallery picks, from hand-written predictions files whose margins are exact binary fractions (so
/// equal margins are really equal): the expected ids were worked out by hand from the scores in the comments.
/// </summary>
public sealed class GallerySelectionTests
{
    // Three options. Margins by hand: mistake = score[prediction] - score[label]; label = score[label] - best other.
    private const string Predictions = """
        index,id,group,label,prediction,correct,score_0,score_1,score_2,option_0,option_1,option_2
        0,c-h,g,2,2,true,0.1250000,0.2500000,0.8750000,h0,h1,h2
        1,c-a,g,0,1,false,0.1250000,0.3750000,0.0000000,a0,a1,a2
        2,c-f,g,1,0,false,NaN,0.5000000,0.1250000,f0,f1,f2
        3,c-b,g,0,0,true,0.5000000,0.4375000,0.1250000,b0,b1,b2
        4,c-e,g,0,1,false,0.2500000,0.5000000,0.1250000,e0,e1,e2
        5,c-c,g,1,2,false,0.0000000,0.2500000,0.7500000,c0,c1,c2
        6,c-g,g,0,0,true,0.6250000,0.0000000,0.0000000,g0,g1,g2
        7,c-d,g,0,0,true,0.3750000,0.3750000,0.1250000,d0,d1,d2
        8,b-z,g,1,0,false,0.2500000,0.2500000,0.0000000,z0,z1,z2

        """;

    // mistakes:  c-c 0.5, c-a 0.25, c-e 0.25 (tie: id order), b-z 0 (a tie counted wrong), c-f NaN (last)
    // |label|:   b-z 0, c-d 0 (tie: id order), c-b 0.0625, c-a 0.25, c-e 0.25, c-c 0.5, c-g 0.625, c-h 0.625, c-f NaN
    [Fact]
    public void Most_confident_mistakes_are_the_wrong_cases_by_margin_then_id_with_nan_last()
    {
        using var temp = new TempDirectory();
        var rows = PredictionsReader.Read(temp.Write("p.csv", Predictions)).ToList();

        Assert.Equal(["c-c", "c-a", "c-e", "b-z", "c-f"], GallerySelection.MostConfidentMistakes(rows, 12).Select(r => r.Id));
        Assert.Equal(["c-c", "c-a", "c-e"], GallerySelection.MostConfidentMistakes(rows, 3).Select(r => r.Id));
        Assert.Equal(["c-c", "c-a", "c-e", "b-z", "c-f"], GallerySelection.MostConfidentMistakes(rows.AsEnumerable().Reverse(), 5).Select(r => r.Id));
        Assert.Empty(GallerySelection.MostConfidentMistakes(rows, 0));
        Assert.Equal(0.5, rows.Single(r => r.Id == "c-c").MistakeMargin);
        Assert.True(double.IsNaN(rows.Single(r => r.Id == "c-f").MistakeMargin));
    }

    [Fact]
    public void Closest_calls_are_all_cases_by_absolute_label_margin_then_id_with_nan_last()
    {
        using var temp = new TempDirectory();
        var rows = PredictionsReader.Read(temp.Write("p.csv", Predictions)).ToList();

        Assert.Equal(["b-z", "c-d", "c-b", "c-a", "c-e", "c-c", "c-g", "c-h", "c-f"], GallerySelection.ClosestCalls(rows, 12).Select(r => r.Id));
        Assert.Equal(["b-z", "c-d", "c-b"], GallerySelection.ClosestCalls(rows.AsEnumerable().Reverse(), 3).Select(r => r.Id));
        Assert.Equal(-0.25, rows.Single(r => r.Id == "c-a").LabelMargin);
        Assert.Equal(0.0625, rows.Single(r => r.Id == "c-b").LabelMargin);
    }

    [Fact]
    public void Reader_keeps_scores_options_label_and_prediction_of_each_row()
    {
        using var temp = new TempDirectory();
        var row = PredictionsReader.Read(temp.Write("p.csv", Predictions)).Single(r => r.Id == "c-c");

        Assert.Equal((5, "g", 1, 2, false), (row.Index, row.Group, row.Label, row.Prediction, row.Correct));
        Assert.Equal([0.0, 0.25, 0.75], row.Scores);
        Assert.Equal(["c0", "c1", "c2"], row.Options);
    }

    [Fact]
    public void A_file_without_scores_has_none_and_a_bad_field_names_file_line_and_column()
    {
        using var temp = new TempDirectory();
        var bare = temp.Write("bare.csv", "index,id,group,label,prediction,correct\n0,a,g,0,0,true\n");
        var bad = temp.Write("bad.csv", "index,id,group,label,prediction,correct,score_0,score_1,option_0,option_1\n0,a,g,0,0,true,0.1,zero,x,y\n");

        Assert.False(PredictionsReader.HasScores(bare));
        Assert.True(PredictionsReader.HasScores(bad));
        var error = Assert.Throws<AroInputException>(() => PredictionsReader.Read(bad).ToList());
        Assert.Equal($"{bad}: line 2: field 'score_1' is 'zero', expected a number", error.Message);
    }

    // Model A and model B on the same cases. x1, x2, x3: A right, B wrong with B's margins 0.5, 0.25, 0.5; x4: A wrong
    // (margin 0.125), B right; x5: both right; x6: the options differ (not the same question); x7 only in B, x8 only in A.
    private const string First = """
        index,id,group,label,prediction,correct,score_0,score_1,option_0,option_1
        0,x1,g,0,0,true,0.5000000,0.2500000,p,q
        1,x2,g,0,0,true,0.5000000,0.2500000,p,q
        2,x3,g,0,0,true,0.5000000,0.2500000,p,q
        3,x4,g,0,1,false,0.1250000,0.2500000,p,q
        4,x5,g,0,0,true,0.5000000,0.2500000,p,q
        5,x6,g,0,1,false,0.0000000,0.5000000,p,q
        6,x8,g,0,1,false,0.0000000,0.5000000,p,q

        """;

    private const string Second = """
        index,id,group,label,prediction,correct,score_0,score_1,option_0,option_1
        0,x3,g,0,1,false,0.2500000,0.7500000,p,q
        1,x2,g,0,1,false,0.2500000,0.5000000,p,q
        2,x1,g,0,1,false,0.0000000,0.5000000,p,q
        3,x4,g,0,0,true,0.5000000,0.2500000,p,q
        4,x5,g,0,0,true,0.5000000,0.2500000,p,q
        5,x6,g,0,0,true,0.5000000,0.2500000,p,other
        6,x7,g,0,1,false,0.0000000,0.5000000,p,q

        """;

    [Fact]
    public void Disagreements_pair_cases_by_id_and_order_each_direction_by_the_wrong_models_margin()
    {
        using var temp = new TempDirectory();

        var result = GallerySelection.Disagree(PredictionsReader.Read(temp.Write("a.csv", First)), PredictionsReader.Read(temp.Write("b.csv", Second)), 2);

        Assert.Equal((5, 1, 3, 1), (result.Paired, result.Mismatched, result.FirstRightCount, result.SecondRightCount));
        Assert.Equal(["x1", "x3"], result.FirstRight.Select(p => p.First.Id));
        Assert.All(result.FirstRight, p => Assert.Equal(p.First.Id, p.Second.Id));
        Assert.Equal([0.5, 0.5], result.FirstRight.Select(p => p.Second.MistakeMargin));
        Assert.Equal(["x4"], result.SecondRight.Select(p => p.First.Id));
        Assert.Equal((false, true), (result.SecondRight[0].First.Correct, result.SecondRight[0].Second.Correct));
    }
}
