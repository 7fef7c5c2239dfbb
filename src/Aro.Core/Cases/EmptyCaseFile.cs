namespace Aro.Core.Cases;

/// <summary>
/// The error for an annotation or cases file that yields no case. Evaluated, it would report an accuracy of 0 over 0
/// cases with exit 0, which reads as a result; it is almost always a file cut short, emptied or the wrong one.
/// </summary>
public static class EmptyCaseFile
{
    /// <param name="file">The file read.</param>
    /// <param name="what">What it should have held ("records", "captions", "instances", "cases").</param>
    public static AroInputException Error(string file, string what) => new(
        $"{file}: holds no {what}, so there is nothing to evaluate; the file is empty, cut short or the wrong one: fetch it again (aro data pull) or point --data at the right folder");
}
