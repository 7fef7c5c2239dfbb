using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;
using Xunit.Abstractions;

namespace Aro.Core.Tests;

/// <summary>
/// The layout of Aro.Core as its IL shows it, not as its folders suggest: which folder's types use which other folder's
/// (base types, members, signatures and every instruction's operand). The folders must form layers — no two of them
/// using each other, directly or round a cycle — and the folders of different benchmarks, and of different model
/// families, must not use each other at all, so that adding one is a one-folder change.
/// </summary>
public sealed class ArchitectureTests(ITestOutputHelper output)
{
    /// <summary>The layers from the bottom up; a folder may use its own and lower layers only.</summary>
    private static readonly string[][] Layers =
    [
        ["(root)", "IO", "Randomness", "Statistics"],
        ["Text", "Cases"],
        ["Imaging", "Perturbations", "Metrics"],
        ["Models"],
        ["Download", "Caching"],
        ["Benchmarks"],
        ["Results"],
        ["Pipeline"],
        ["Checkpoints"],
        ["Evaluation"],
        ["Reports", "Bench"],
    ];

    private static readonly Lazy<Dictionary<string, HashSet<string>>> Edges = new(() => ReadEdges(2));

    private static readonly Lazy<Dictionary<string, HashSet<string>>> SubfolderEdges = new(() => ReadEdges(3));

    [Fact]
    public void Every_folder_uses_only_its_own_and_lower_layers()
    {
        var layerOf = Layers.SelectMany((folders, layer) => folders.Select(f => (f, layer))).ToDictionary(x => x.f, x => x.layer);
        var unknown = Edges.Value.Keys.Where(f => !layerOf.ContainsKey(f)).ToList();
        Assert.True(unknown.Count == 0, $"folders missing from the layer list: {string.Join(", ", unknown)}");

        var upward = new List<string>();
        foreach (var (from, targets) in Edges.Value.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{from} -> {string.Join(", ", targets.Order(StringComparer.Ordinal))}");
            upward.AddRange(targets.Where(to => layerOf[to] > layerOf[from]).Select(to => $"{from} -> {to}"));
        }

        Assert.True(upward.Count == 0, $"folders using a higher layer: {string.Join("; ", upward)}");
    }

    [Fact]
    public void No_two_folders_use_each_other()
    {
        var mutual = Edges.Value
            .SelectMany(e => e.Value.Where(to => string.CompareOrdinal(e.Key, to) < 0 && Edges.Value.TryGetValue(to, out var back) && back.Contains(e.Key))
                .Select(to => $"{e.Key} <-> {to}"))
            .ToList();
        Assert.True(mutual.Count == 0, $"mutual dependencies: {string.Join("; ", mutual)}");
    }

    [Theory]
    [InlineData("Benchmarks")]
    [InlineData("Models.Families")]
    public void Benchmarks_and_model_families_do_not_use_each_other(string parent)
    {
        var depth = parent.Count(c => c == '.') + 3;
        var edges = depth == 3 ? SubfolderEdges.Value : ReadEdges(depth);
        var prefix = parent + ".";
        var crossing = edges
            .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(e => e.Value.Where(to => to.StartsWith(prefix, StringComparison.Ordinal)).Select(to => $"{e.Key} -> {to}"))
            .ToList();
        Assert.Contains(edges.Keys, k => k.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(crossing.Count == 0, $"one {parent} folder uses another: {string.Join("; ", crossing)}");
    }

    /// <summary>Folder-to-folder uses, where a folder is the first <paramref name="depth"/> - 1 namespace parts below Aro.Core.</summary>
    private static Dictionary<string, HashSet<string>> ReadEdges(int depth)
    {
        using var module = ModuleDefinition.ReadModule(typeof(AroException).Assembly.Location);
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = FolderOf(type, depth);
            if (from is null)
            {
                continue;
            }

            var targets = edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in Uses(type))
            {
                if (used.Scope == module || used.Module == module)
                {
                    var resolved = used.Resolve();
                    if (resolved is not null && FolderOf(resolved, depth) is { } to && to != from)
                    {
                        targets.Add(to);
                    }
                }
            }
        }

        return edges;
    }

    /// <summary>The folder of a type (nested and compiler-generated types belong to their outermost type's folder).</summary>
    private static string? FolderOf(TypeDefinition type, int depth)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        if (type.Namespace is not { Length: > 0 } ns || !ns.StartsWith("Aro.Core", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns.Split('.').Skip(2).Take(depth - 1).ToArray();
        return parts.Length == 0 ? "(root)" : string.Join('.', parts);
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            foreach (var t in Expand(baseType))
            {
                yield return t;
            }
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType)))
        {
            yield return t;
        }

        foreach (var t in type.Fields.SelectMany(f => Expand(f.FieldType)))
        {
            yield return t;
        }

        foreach (var t in type.Properties.SelectMany(p => Expand(p.PropertyType)))
        {
            yield return t;
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType).Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType))))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var t in method.Body.Variables.SelectMany(v => Expand(v.VariableType)))
            {
                yield return t;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var t in OperandTypes(instruction))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> OperandTypes(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
            .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
        _ => [],
    };

    /// <summary>A type and every type its generic arguments, element types and modifiers name.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)))
                {
                    yield return t;
                }

                break;
            case TypeSpecification specification:
                foreach (var t in Expand(specification.ElementType))
                {
                    yield return t;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
