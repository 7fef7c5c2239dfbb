namespace Aro.Core.Evaluation;

/// <summary>
/// Checks of <c>aro eval</c>'s folders that need neither the model nor the data, made before anything is loaded so
/// a typo costs no model load: a <c>--data</c> folder that does not exist is named as missing (not as data to
/// download into it), and an <c>--out</c> that is, or lies under, a file is refused.
/// </summary>
public static class EvalPreflight
{
    /// <summary>Refuses a <paramref name="data"/> folder that does not exist, unless <paramref name="pull"/> will create it.</summary>
    public static void CheckDataFolder(string? data, bool pull)
    {
        if (data is null || Directory.Exists(data))
        {
            return;
        }

        var full = Path.GetFullPath(data);
        if (File.Exists(full))
        {
            throw new AroInputException($"--data {data}: {full} is a file, not a folder. Pass the folder that holds the subset's files (or its <subset>/ folders).");
        }

        if (!pull)
        {
            throw new AroInputException(
                $"--data {data}: the folder {full} does not exist.{PathSuggestions.DidYouMean(data)} Pass an existing data folder, or add --pull to download the data into it.");
        }
    }

    /// <summary>Refuses an <paramref name="output"/> folder that is a file or lies under one.</summary>
    public static void CheckOutFolder(string? output)
    {
        if (output is null)
        {
            return;
        }

        for (var path = Path.GetFullPath(output); path is not null; path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                var where = path == Path.GetFullPath(output) ? $"{path} is a file" : $"{path}, a part of its path, is a file";
                throw new AroInputException($"--out {output}: {where}, not a folder. Choose a folder for the results (default results/<model>).");
            }

            if (Directory.Exists(path))
            {
                return;
            }
        }
    }
}
