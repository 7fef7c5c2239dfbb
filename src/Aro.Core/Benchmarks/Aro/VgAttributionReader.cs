using System.Text.Json;
using Aro.Core.Cases;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>VG-Attribution: <c>visual_genome_attribution.json</c>; group = <c>{attributes[0]}_{attributes[1]}</c>.</summary>
public sealed class VgAttributionReader(string dataRoot) : VgJsonReader(SubsetRegistry.Attribution, dataRoot)
{
    protected override string ReadGroup(JsonElement record, RecordLocation at)
    {
        var attributes = JsonFields.RequireStringArray(record, "attributes", at);
        if (attributes.Count != 2)
        {
            throw at.Error("attributes", $"must hold 2 attributes, found {attributes.Count}");
        }

        return $"{attributes[0]}_{attributes[1]}";
    }
}
