using System.Globalization;
using Aro.Core.Text;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Text;

/// <summary>
/// The CLIP tokenizer on models/demo's own small vocabulary against the ids scripts/make_test_models.py computed
/// with its reference BPE: edge captions (accents, HTML entities, tabs, a 120-letter word, truncation) included.
/// </summary>
public sealed class DemoTokenizerTests
{
    [Fact]
    public void Ids_equal_the_reference_for_every_demo_caption()
    {
        var tokenizer = ClipBpeTokenizer.Load(RepoPaths.InRepo("models", "demo", "vocab.json"), RepoPaths.InRepo("models", "demo", "merges.txt"));
        var rows = CsvTable.Read(RepoPaths.InRepo("tests", "fixtures", "reference", "demo", "tokens.csv")).Rows;
        Assert.True(rows.Count > 100);
        var mismatches = rows
            .Where(r => !tokenizer.Encode(r["caption"]).SequenceEqual(r["ids"].Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))))
            .Select(r => r["caption"])
            .ToList();
        Assert.Empty(mismatches);
    }
}
