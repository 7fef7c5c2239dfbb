namespace Aro.Core.Results;

/// <summary>Reads <c>&lt;subset&gt;.groups.csv</c> back; a group named twice is an error.</summary>
public static class GroupsCsvReader
{
    public static IReadOnlyList<GroupRow> Read(string path)
    {
        using var csv = CsvInput.Open(path, ResultColumns.GroupsRequired);
        var rows = new List<GroupRow>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var at = csv.At;
            var group = csv.Text("group");
            if (lines.TryGetValue(group, out var first))
            {
                throw at.Error("group", $"'{group}' already appears on line {first}");
            }

            lines[group] = at.Number;
            rows.Add(new GroupRow(group, csv.Count("count"), csv.Share("accuracy"), csv.Bool("included")));
        }

        return rows;
    }
}
