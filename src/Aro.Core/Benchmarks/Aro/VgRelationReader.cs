using System.Text.Json;
using Aro.Core.Cases;

namespace Aro.Core.Benchmarks.Aro;

/// <summary>VG-Relation: <c>visual_genome_relation.json</c>; group = <c>relation_name</c>.</summary>
public sealed class VgRelationReader(string dataRoot) : VgJsonReader(SubsetRegistry.Relation, dataRoot)
{
    protected override string ReadGroup(JsonElement record, RecordLocation at) =>
        JsonFields.RequireString(record, "relation_name", at);
}
