using Aro.Core.Models.Families.Blip;
using Aro.Core.Models.Families.Clip;
using Aro.Core.Models.Families.Siglip;

namespace Aro.Core.Models.Families;

/// <summary>The one list of model families: names in manifests and the catalog resolve here, and an unlabelled package is recognised here.</summary>
public static class ModelFamilies
{
    /// <summary>The families. Each recognises its own files (<see cref="ModelFamily.Recognize"/>), so the order only sets how they are listed.</summary>
    public static IReadOnlyList<ModelFamily> All { get; } = [ClipFamily.Instance, BlipFamily.Instance, SiglipFamily.Instance];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    public static ModelFamily? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The family of a package folder with no <c>family</c> in its manifest, and why.</summary>
    public static (ModelFamily Family, string Reason) Recognize(string directory)
    {
        foreach (var family in All)
        {
            if (family.Recognize(directory) is { } reason)
            {
                return (family, reason);
            }
        }

        return (ClipFamily.Instance, "no other family's files found");
    }
}
