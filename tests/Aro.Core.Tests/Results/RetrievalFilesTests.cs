using Aro.Core.Metrics;
using Aro.Core.Results;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Results;

/// <summary>The retrieval and Winoground result files: their columns, the byte form a row takes, and readers that name a bad value.</summary>
public sealed class RetrievalFilesTests
{
    [Fact]
    public void Columns_are_the_documented_ones()
    {
        Assert.Equal("perturbation,seed,images,captions,i2t_r1,i2t_r5,i2t_r10,t2i_r1,t2i_r5,t2i_r10", string.Join(',', ResultColumns.Retrieval));
        Assert.Equal("perturbation,seed,caption_index,image_index,text", string.Join(',', ResultColumns.Captions));
        Assert.Equal("index,id,collapsed_tag,text_correct,image_correct,group_correct,s_c0_i0,s_c0_i1,s_c1_i0,s_c1_i1", string.Join(',', ResultColumns.PairPredictions));
        Assert.Equal("group,count,text_score,image_score,group_score", string.Join(',', ResultColumns.PairScores));
        Assert.Equal(("coco-retrieval.retrieval.csv", "coco-retrieval.captions.csv", "winoground.scores.csv"),
            (ResultFiles.Retrieval("coco-retrieval"), ResultFiles.Captions("coco-retrieval"), ResultFiles.Scores("winoground")));
    }

    [Fact]
    public void Rows_are_written_with_seven_decimals_and_read_back()
    {
        using var temp = new TempDirectory();
        var path = temp.File("x.retrieval.csv");
        RetrievalRow[] rows =
        [
            new("none", "", 6, 30, [1.0 / 6, 0.5, 1], [0.2, 13.0 / 15, 1]),
            new("shuffle_all_words", "1", 6, 30, [0, 5.0 / 6, 5.0 / 6], [0.2, 14.0 / 15, 1]),
        ];

        RetrievalCsvWriter.Write(path, rows);

        Assert.Equal(
            "perturbation,seed,images,captions,i2t_r1,i2t_r5,i2t_r10,t2i_r1,t2i_r5,t2i_r10\n" +
            "none,,6,30,0.1666667,0.5000000,1.0000000,0.2000000,0.8666667,1.0000000\n" +
            "shuffle_all_words,1,6,30,0.0000000,0.8333333,0.8333333,0.2000000,0.9333333,1.0000000\n",
            File.ReadAllText(path));
        var read = RetrievalCsvReader.Read(path);
        Assert.Equal(["none", "shuffle_all_words"], read.Select(r => r.Perturbation));
        Assert.Equal(0.8333333, read[1].ImageToText[1]);
    }

    [Theory]
    [InlineData("none,,6,30,0.1,0.2,1.5,0.2,0.3,1.0", "line 2: field 'i2t_r10' 1.5 is not between 0 and 1")]
    [InlineData("none,,six,30,0.1,0.2,1,0.2,0.3,1.0", "line 2: field 'images'")]
    [InlineData(",,6,30,0.1,0.2,1,0.2,0.3,1.0", "line 2: field 'perturbation' is empty")]
    public void A_bad_value_is_an_error_naming_the_line_and_field(string line, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.File("x.retrieval.csv");
        File.WriteAllText(path, string.Join(',', ResultColumns.Retrieval) + "\n" + line + "\n");

        var error = Assert.Throws<AroInputException>(() => RetrievalCsvReader.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mean_and_std_rows_over_seeds_follow_seeds_csv()
    {
        RetrievalRow[] runs = [new("p", "1", 2, 4, [0, 0.5, 1], [0.25, 0.5, 1]), new("p", "2", 2, 4, [0.5, 0.5, 1], [0.75, 1, 1])];

        var rows = RetrievalSeedRows.Of(runs);

        Assert.Equal(["mean", "std"], rows.Select(r => r.Seed));
        Assert.Equal([0.25, 0.5, 1], rows[0].ImageToText);
        Assert.Equal(Math.Sqrt(0.125), rows[1].TextToImage[0], 12);
        Assert.Equal(Math.Sqrt(0.125), rows[1].TextToImage[1], 12);
        Assert.Empty(RetrievalSeedRows.Of(runs[..1]));
    }

    [Fact]
    public void Pair_files_write_booleans_and_scores()
    {
        using var temp = new TempDirectory();
        var tally = new PairScoreTally();
        var scores = new PairScores(0.9, 0.1, 0.2, 0.8);
        tally.Add("Object", scores);

        PairPredictionsCsvWriter.Write(temp.File("p.csv"), [new PairMatchResult(0, "17", "Object", scores)]);
        PairScoresCsvWriter.Write(temp.File("s.csv"), tally.Rows());

        Assert.Equal(string.Join(',', ResultColumns.PairPredictions) + "\n0,17,Object,true,true,true,0.9000000,0.1000000,0.2000000,0.8000000\n", File.ReadAllText(temp.File("p.csv")));
        Assert.Equal("group,count,text_score,image_score,group_score\nall,1,1.0000000,1.0000000,1.0000000\nObject,1,1.0000000,1.0000000,1.0000000\n",
            File.ReadAllText(temp.File("s.csv")));
        Assert.Equal(1.0, PairScoresCsvReader.Read(temp.File("s.csv"))[1].GroupScore);
    }
}
