using System.Text.Json;

namespace Aro.Core.Data;

/// <summary>VG-Relation: <c>visual_genome_relation.json</c>; group = <c>relation_name</c>.</summary>
public sealed class VgRelationReader(string dataRoot) : VgJsonReader(SubsetRegistry.Relation, dataRoot)
{
    protected override string ReadGroup(JsonElement record, RecordLocation at) =>
        JsonFields.RequireString(record, "relation_name", at);
}
