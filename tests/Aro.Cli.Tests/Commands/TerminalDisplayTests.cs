using System.Globalization;
using System.Text.RegularExpressions;
using Aro.TestSupport;
using Xunit;

namespace Aro.Cli.Tests.Commands;

/// <summary>
/// The live display in a real terminal: the built aro runs the README's first command (and a multi-seed run) in a
/// 120 x 40 tmux session, whose screen is read back while it runs and after it ends. Checked: the header line is
/// never overwritten (it stays whole above the bars, on every screen), every finished bar shows its elapsed time,
/// rates are never shown as 0.0, each seed has its own named bar, and the final table gives a seed mean with its
/// standard deviation and the number of seeds.
/// </summary>
public sealed partial class TerminalDisplayTests
{
    private const int Width = 120;
    private const int Height = 40;
    private const string Exit = "aro-exit=";

    private static string Aro => Path.Combine(AppContext.BaseDirectory, "aro");

    [SkippableFact]
    public void The_readme_demo_keeps_its_header_and_shows_elapsed_time_on_every_finished_bar()
    {
        using var tmux = Tmux.Require();
        using var temp = new TempDirectory();

        var (screens, final) = RunInTerminal(tmux, ReadmeEvalArguments(), temp);

        Assert.Contains(Exit + "0", final, StringComparison.Ordinal);
        var lines = Lines(final);
        var header = Assert.Single(lines, l => l.StartsWith("model demo: ", StringComparison.Ordinal));
        Assert.Equal("model demo: clip (aro layout), scoring itc, image 224x224, text dynamic length", header);
        Assert.True(lines.IndexOf(header) < lines.FindIndex(IsBar), final);
        foreach (var screen in screens.Where(s => Lines(s).Any(IsBar)))
        {
            Assert.Contains(header, Lines(screen));
        }

        string[] subsets =
        [
            "relation", "attribution", "coco-order", "flickr-order", "sugarcrepe-add-att", "sugarcrepe-add-obj", "sugarcrepe-replace-att",
            "sugarcrepe-replace-obj", "sugarcrepe-replace-rel", "sugarcrepe-swap-att", "sugarcrepe-swap-obj",
        ];
        foreach (var subset in subsets)
        {
            var bar = Assert.Single(lines, l => IsBar(l) && l.TrimStart().StartsWith(subset + " ", StringComparison.Ordinal));
            Assert.Matches(FinishedBar(), bar);
            Assert.Contains(lines, l => l.StartsWith($"│ {subset} ", StringComparison.Ordinal));
        }

        foreach (var screen in screens)
        {
            Assert.DoesNotContain(" 0.0 cases/s", screen, StringComparison.Ordinal);
            Assert.DoesNotContain("00:00:00", screen, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void A_multi_seed_run_names_each_seed_and_ends_with_mean_plus_minus_std_over_the_seeds()
    {
        using var tmux = Tmux.Require();
        using var temp = new TempDirectory();

        var (_, final) = RunInTerminal(tmux, ["eval", "--model", "models/demo", "--data", "data/demo", "--subset", "coco-order,flickr-order", "--seeds", "1,2,3"], temp);

        Assert.Contains(Exit + "0", final, StringComparison.Ordinal);
        var lines = Lines(final);
        foreach (var subset in new[] { "coco-order", "flickr-order" })
        {
            foreach (var seed in new[] { 1, 2, 3 })
            {
                var bar = Assert.Single(lines, l => IsBar(l) && l.TrimStart().StartsWith($"{subset} seed {seed} ", StringComparison.Ordinal));
                Assert.Matches(FinishedBar(), bar);
            }

            // Mean and sample standard deviation of the three seeds' precision@1, computed here from seeds.csv.
            var perSeed = CsvTable.Read(temp.File("out", "seeds.csv")).Rows
                .Where(r => r["subset"] == subset && int.TryParse(r["seed"], CultureInfo.InvariantCulture, out _))
                .Select(r => double.Parse(r["record"], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(3, perSeed.Count);
            var mean = perSeed.Average();
            var std = Math.Sqrt(perSeed.Sum(v => (v - mean) * (v - mean)) / (perSeed.Count - 1));
            var row = Assert.Single(lines, l => l.StartsWith($"│ {subset} ", StringComparison.Ordinal));
            var shown = SeedRow().Match(row);
            Assert.True(shown.Success, row);
            Assert.Equal(mean, double.Parse(shown.Groups["mean"].Value, CultureInfo.InvariantCulture), 4);
            Assert.Equal(std, double.Parse(shown.Groups["std"].Value, CultureInfo.InvariantCulture), 4);
        }
    }

    /// <summary>The arguments of the README's first command after <c>dotnet run ... --</c>: the demo eval.</summary>
    private static string[] ReadmeEvalArguments()
    {
        const string prefix = "dotnet run --project src/Aro.Cli -c Release -- ";
        var line = File.ReadLines(RepoPaths.InRepo("README.md")).First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Runs aro with <paramref name="arguments"/> in a fresh session (repository root as working folder, the embedding
    /// cache and results in <paramref name="temp"/>, <c>CI</c> unset so aro sees a terminal) and reads the screen every
    /// 200 ms until it exits; returns every screen seen and the final one with its scrollback.
    /// </summary>
    private static (List<string> Screens, string Final) RunInTerminal(Tmux tmux, string[] arguments, TempDirectory temp)
    {
        var command = $"cd {Quote(RepoPaths.Root)} && env -u CI ARO_CACHE={Quote(temp.File("cache"))} {Quote(Aro)} " +
                      $"{string.Join(' ', arguments.Select(Quote))} --out {Quote(temp.File("out"))}; echo {Exit}$?; sleep 600";
        tmux.Start("aro", Width, Height, command);
        var screens = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var screen = tmux.Capture("aro");
            screens.Add(screen);
            if (screen.Contains(Exit, StringComparison.Ordinal))
            {
                return (screens, screen);
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"aro did not finish within 3 minutes; the screen:\n{screens.LastOrDefault()}");
    }

    private static List<string> Lines(string screen) => [.. screen.Split('\n').Select(l => l.TrimEnd())];

    private static bool IsBar(string line) => line.Contains('━', StringComparison.Ordinal);

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A bar at 100% whose last column is its elapsed time.</summary>
    [GeneratedRegex(@"━ 100% (\d+)/\1 .* took (\d+\.\ds|\d+s|\d+m \d\ds|\d+h \d\dm)$")]
    private static partial Regex FinishedBar();

    /// <summary>A summary row of a seeded subset: the mean as its reported value, then ± its standard deviation over the seeds.</summary>
    [GeneratedRegex(@"│ p@1 (?<mean>\d\.\d{4}) │ ± (?<std>\d\.\d{4}) over 3 seeds │$")]
    private static partial Regex SeedRow();
}
