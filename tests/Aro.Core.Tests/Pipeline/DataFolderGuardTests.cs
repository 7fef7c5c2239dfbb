using Aro.Core.IO;
using Aro.TestSupport;
using Xunit;

namespace Aro.Core.Tests.Pipeline;

/// <summary>Which image paths <see cref="DataFolderGuard"/> lets through: where the file really is decides.</summary>
public sealed class DataFolderGuardTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public DataFolderGuardTests()
    {
        Directory.CreateDirectory(_temp.File("data", "images"));
        Directory.CreateDirectory(_temp.File("elsewhere"));
        File.WriteAllText(_temp.File("data", "images", "in.jpg"), "x");
        File.WriteAllText(_temp.File("elsewhere", "out.jpg"), "x");
        File.WriteAllText(_temp.File("data-sibling.jpg"), "x");
    }

    public void Dispose() => _temp.Dispose();

    private DataFolderGuard Guard => new([_temp.File("data")]);

    [Fact]
    public void Images_inside_the_data_folder_pass_however_they_are_spelled()
    {
        Assert.Null(Guard.Problem(_temp.File("data", "images", "in.jpg")));
        Assert.Null(Guard.Problem(_temp.File("data", "images", "..", "images", "in.jpg")));
        File.CreateSymbolicLink(_temp.File("data", "alias.jpg"), _temp.File("data", "images", "in.jpg"));
        Assert.Null(Guard.Problem(_temp.File("data", "alias.jpg")));
    }

    [Fact]
    public void Climbing_out_with_dotdot_or_an_absolute_path_is_refused()
    {
        var dotdot = _temp.File("data", "..", "elsewhere", "out.jpg");
        var problem = Guard.Problem(dotdot);

        Assert.NotNull(problem);
        Assert.Contains($"image {dotdot}: lies outside the data folder {_temp.File("data")};", problem, StringComparison.Ordinal);
        Assert.Contains("run again with --allow-outside-data", problem, StringComparison.Ordinal);
        Assert.Contains("symbolic link", problem, StringComparison.Ordinal);
        Assert.NotNull(Guard.Problem(_temp.File("elsewhere", "out.jpg")));
        Assert.NotNull(Guard.Problem(_temp.File("data-sibling.jpg"))); // a name that merely starts like the folder's
    }

    [Fact]
    public void A_link_inside_leading_outside_is_refused_naming_where_it_leads()
    {
        Directory.CreateSymbolicLink(_temp.File("data", "linked"), _temp.File("elsewhere"));
        File.CreateSymbolicLink(_temp.File("data", "images", "file-link.jpg"), _temp.File("elsewhere", "out.jpg"));

        var folderLink = Guard.Problem(_temp.File("data", "linked", "out.jpg"));
        var fileLink = Guard.Problem(_temp.File("data", "images", "file-link.jpg"));

        Assert.Contains($": is inside the data folder {_temp.File("data")} by name, but a symbolic link along the way leads to {_temp.File("elsewhere", "out.jpg")}, outside it", folderLink, StringComparison.Ordinal);
        Assert.Contains("leads to " + _temp.File("elsewhere", "out.jpg"), fileLink, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotdot_after_a_link_is_judged_where_the_kernel_goes_not_by_name()
    {
        // data/images/deep -> elsewhere/deep: "data/images/deep/../out.jpg" reads elsewhere/out.jpg, although by name
        // it is data/images/out.jpg (which exists too, inside).
        Directory.CreateDirectory(_temp.File("elsewhere", "deep"));
        Directory.CreateSymbolicLink(_temp.File("data", "images", "deep"), _temp.File("elsewhere", "deep"));
        File.WriteAllText(_temp.File("data", "images", "out.jpg"), "x");

        var problem = Guard.Problem(_temp.File("data", "images", "deep") + "/../out.jpg");

        Assert.Contains("a symbolic link along the way leads to " + _temp.File("elsewhere", "out.jpg"), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_folder_that_is_itself_a_link_holds_what_its_target_holds()
    {
        Directory.CreateSymbolicLink(_temp.File("data-link"), _temp.File("data"));
        var guard = new DataFolderGuard([_temp.File("data-link")]);

        Assert.Null(guard.Problem(_temp.File("data-link", "images", "in.jpg")));
        Assert.Null(guard.Problem(_temp.File("data", "images", "in.jpg")));
        Assert.NotNull(guard.Problem(_temp.File("elsewhere", "out.jpg")));
    }

    [Fact]
    public void An_image_in_any_of_several_data_folders_passes()
    {
        var guard = new DataFolderGuard([_temp.File("data"), _temp.File("elsewhere")]);

        Assert.Null(guard.Problem(_temp.File("elsewhere", "out.jpg")));
        Assert.Null(guard.Problem(_temp.File("data", "images", "in.jpg")));
        Assert.Contains($"lies outside the data folders ({_temp.File("data")}, {_temp.File("elsewhere")})", guard.Problem(_temp.File("data-sibling.jpg")), StringComparison.Ordinal);
    }

    [Fact]
    public void What_is_not_a_regular_file_is_left_to_the_image_reader()
    {
        Assert.Null(Guard.Problem("/dev/zero"));
        Assert.Null(Guard.Problem(_temp.File("elsewhere", "missing.jpg")));
        Assert.Null(Guard.Problem(_temp.File("elsewhere")));
    }

    [Fact]
    public void Nothing_is_checked_when_outside_reads_are_allowed_or_no_folder_is_known()
    {
        Assert.Null(DataFolderGuard.For([_temp.File("data")], allowOutside: true));
        Assert.Null(DataFolderGuard.For([], allowOutside: false));
        Assert.NotNull(DataFolderGuard.For([_temp.File("data")], allowOutside: false));
    }
}
