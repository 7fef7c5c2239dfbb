using Google.Protobuf;

namespace Aro.Core.Models;

/// <summary>
/// What an ONNX file says about itself without loading it: the names of its graph's inputs and outputs and every file
/// its tensors keep their data in (external data: <c>model.onnx_data</c> beside a graph over 2 GB, or one file per
/// tensor). Those files are part of the model — new weights under an unchanged graph file are a different model — so
/// they are hashed with the graph for the embedding cache's key and run.json.
/// </summary>
/// <remarks>
/// The ModelProto is walked on the wire (onnx.proto's field numbers) and never deserialised: a graph without external
/// data holds every weight inline, up to 2 GB, and only the small fields around them are read. Length-delimited fields
/// that are not needed (raw_data, float_data, doc strings) are skipped by seeking, which Google.Protobuf's
/// CodedInputStream does not do (it reads skipped bytes through its buffer), so the walk here is by hand; the tags are
/// decoded with Google.Protobuf's <see cref="WireFormat"/>. Subgraphs (If, Loop, Scan bodies) and local functions are
/// walked too: their initializers and constants can be external as well.
/// </remarks>
public sealed class OnnxGraphFile
{
    // ModelProto
    private const int ModelGraph = 7;
    private const int ModelFunctions = 25;

    // GraphProto
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphSparseInitializer = 15;

    // FunctionProto
    private const int FunctionNode = 7;

    // NodeProto
    private const int NodeInput = 1;
    private const int NodeOutput = 2;
    private const int NodeOpType = 4;
    private const int NodeAttribute = 5;

    // AttributeProto
    private const int AttributeTensor = 5;
    private const int AttributeGraph = 6;
    private const int AttributeTensors = 10;
    private const int AttributeGraphs = 11;
    private const int AttributeSparseTensor = 22;
    private const int AttributeSparseTensors = 23;

    // SparseTensorProto
    private const int SparseValues = 1;
    private const int SparseIndices = 2;

    // TensorProto
    private const int TensorDims = 1;
    private const int TensorName = 8;
    private const int TensorExternalData = 13;
    private const int TensorDataLocation = 14;
    private const int DataLocationExternal = 1;

    // StringStringEntryProto, ValueInfoProto
    private const int EntryKey = 1;
    private const int EntryValue = 2;
    private const int ValueInfoName = 1;

    private const int MaxNameBytes = 64 * 1024;
    private const int MaxDepth = 64;

    private readonly Walk _walk;

    private OnnxGraphFile(string path, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, IReadOnlyList<string> externalData, Walk walk)
    {
        Path = path;
        Inputs = inputs;
        Outputs = outputs;
        ExternalData = externalData;
        _walk = walk;
    }

    /// <summary>
    /// The token embedding table that <paramref name="idsInput"/> indexes: a main-graph Gather whose data is a rank-2
    /// initializer and whose indices are the input itself or the input through Cast nodes (as torch exports of CLIP,
    /// BLIP and SigLIP write it), with that initializer's row count. Null when the graph does not show it that plainly
    /// (ids transformed first, quantized or computed tables): then nothing can be checked.
    /// </summary>
    public TokenTable? TokenTableOf(string idsInput)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { idsInput };
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var node in _walk.Nodes)
            {
                if (node.OpType == "Cast" && node.Inputs.Count > 0 && names.Contains(node.Inputs[0]) && node.Output is { } output)
                {
                    grown |= names.Add(output);
                }
            }
        }

        foreach (var node in _walk.Nodes)
        {
            if (node.OpType == "Gather" && node.Inputs.Count == 2 && names.Contains(node.Inputs[1])
                && _walk.Tables.TryGetValue(node.Inputs[0], out var rows))
            {
                return new TokenTable(node.Inputs[0], rows);
            }
        }

        return null;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The main graph's input names, in order (initializers listed as inputs by old exporters included).</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The main graph's output names, in order.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Full paths of the external data files, each once, in the order first referenced.</summary>
    public IReadOnlyList<string> ExternalData { get; }

    /// <summary>
    /// Reads <paramref name="path"/>. <see cref="AroInputException"/> when it cannot be read or is not a protobuf
    /// message, and when an external data location is absolute, leaves the graph's folder, or names a missing file.
    /// </summary>
    public static OnnxGraphFile Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var walk = new Walk(full);
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            walk.Model(new Wire(stream, full));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AroInputException($"{full}: cannot be read: {ex.Message}", ex);
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        var files = new List<string>();
        foreach (var location in walk.Locations)
        {
            var file = Resolve(full, folder, location);
            if (!files.Contains(file, StringComparer.Ordinal))
            {
                files.Add(file);
            }
        }

        return new OnnxGraphFile(full, walk.Inputs, walk.Outputs, files, walk);
    }

    private static string Resolve(string graph, string folder, string location)
    {
        var name = System.IO.Path.GetFileName(graph);
        if (location.Length == 0 || location.Contains('\0', StringComparison.Ordinal) || System.IO.Path.IsPathRooted(location))
        {
            throw new AroInputException(
                $"{graph}: a tensor's external data location '{location}' is not a path relative to the graph's folder; ONNX Runtime reads external data only from beside the graph");
        }

        var file = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, location));
        var relative = System.IO.Path.GetRelativePath(folder, file);
        if (relative == ".." || relative.StartsWith(".." + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
        {
            throw new AroInputException($"{graph}: a tensor's external data location '{location}' leaves the graph's folder");
        }

        return File.Exists(file)
            ? file
            : throw new AroInputException(
                $"{graph}: {name} keeps weights in '{location}' (external data), which does not exist: copy it beside {name} (an export over 2 GB is always two or more files)");
    }

    /// <summary>The walk over one file: what it collected.</summary>
    private sealed class Walk(string path)
    {
        public List<string> Inputs { get; } = [];

        public List<string> Outputs { get; } = [];

        public List<string> Locations { get; } = [];

        /// <summary>The main graph's Gather and Cast nodes (all a token table needs).</summary>
        public List<(string OpType, List<string> Inputs, string? Output)> Nodes { get; } = [];

        /// <summary>The main graph's rank-2 initializers: name -> rows.</summary>
        public Dictionary<string, long> Tables { get; } = new(StringComparer.Ordinal);

        public void Model(Wire wire)
        {
            while (wire.Next(out var field, out var type))
            {
                if (type == WireFormat.WireType.LengthDelimited && field == ModelGraph)
                {
                    Graph(wire, wire.Message(), 0, main: true);
                }
                else if (type == WireFormat.WireType.LengthDelimited && field == ModelFunctions)
                {
                    Function(wire, wire.Message(), 0);
                }
                else
                {
                    wire.Skip(type);
                }
            }
        }

        private void Graph(Wire wire, long end, int depth, bool main)
        {
            CheckDepth(depth);
            while (wire.Next(end, out var field, out var type))
            {
                if (type != WireFormat.WireType.LengthDelimited)
                {
                    wire.Skip(type);
                    continue;
                }

                switch (field)
                {
                    case GraphNode:
                        Node(wire, wire.Message(end), depth, main);
                        break;
                    case GraphInitializer:
                        Tensor(wire, wire.Message(end), main);
                        break;
                    case GraphSparseInitializer:
                        Sparse(wire, wire.Message(end));
                        break;
                    case GraphInput when main:
                        Inputs.Add(ValueInfoNameOf(wire, wire.Message(end)));
                        break;
                    case GraphOutput when main:
                        Outputs.Add(ValueInfoNameOf(wire, wire.Message(end)));
                        break;
                    default:
                        wire.Skip(type);
                        break;
                }
            }
        }

        private void Function(Wire wire, long end, int depth)
        {
            while (wire.Next(end, out var field, out var type))
            {
                if (type == WireFormat.WireType.LengthDelimited && field == FunctionNode)
                {
                    Node(wire, wire.Message(end), depth, main: false);
                }
                else
                {
                    wire.Skip(type);
                }
            }
        }

        private void Node(Wire wire, long end, int depth, bool main)
        {
            var inputs = new List<string>();
            string? output = null;
            string? opType = null;
            while (wire.Next(end, out var field, out var type))
            {
                if (type == WireFormat.WireType.LengthDelimited && field == NodeAttribute)
                {
                    Attribute(wire, wire.Message(end), depth);
                }
                else if (main && type == WireFormat.WireType.LengthDelimited && field == NodeInput)
                {
                    inputs.Add(wire.String(end));
                }
                else if (main && type == WireFormat.WireType.LengthDelimited && field == NodeOutput)
                {
                    // Read every output (the field must be consumed); a Gather or Cast has one.
                    var name = wire.String(end);
                    output ??= name;
                }
                else if (main && type == WireFormat.WireType.LengthDelimited && field == NodeOpType)
                {
                    opType = wire.String(end);
                }
                else
                {
                    wire.Skip(type);
                }
            }

            if (opType is "Gather" or "Cast")
            {
                Nodes.Add((opType, inputs, output));
            }
        }

        private void Attribute(Wire wire, long end, int depth)
        {
            while (wire.Next(end, out var field, out var type))
            {
                if (type != WireFormat.WireType.LengthDelimited)
                {
                    wire.Skip(type);
                    continue;
                }

                switch (field)
                {
                    case AttributeTensor or AttributeTensors:
                        Tensor(wire, wire.Message(end));
                        break;
                    case AttributeSparseTensor or AttributeSparseTensors:
                        Sparse(wire, wire.Message(end));
                        break;
                    case AttributeGraph or AttributeGraphs:
                        Graph(wire, wire.Message(end), depth + 1, main: false);
                        break;
                    default:
                        wire.Skip(type);
                        break;
                }
            }
        }

        private void Sparse(Wire wire, long end)
        {
            while (wire.Next(end, out var field, out var type))
            {
                if (type == WireFormat.WireType.LengthDelimited && field is SparseValues or SparseIndices)
                {
                    Tensor(wire, wire.Message(end));
                }
                else
                {
                    wire.Skip(type);
                }
            }
        }

        private void Tensor(Wire wire, long end, bool main = false)
        {
            string? location = null;
            string? name = null;
            var dims = new List<long>();
            var external = false;
            while (wire.Next(end, out var field, out var type))
            {
                if (main && field == TensorDims && type == WireFormat.WireType.Varint)
                {
                    dims.Add((long)wire.Varint());
                }
                else if (main && field == TensorDims && type == WireFormat.WireType.LengthDelimited)
                {
                    // Packed dims (proto3 writers).
                    var packedEnd = wire.Message(end);
                    while (wire.Position < packedEnd)
                    {
                        dims.Add((long)wire.Varint());
                    }
                }
                else if (main && field == TensorName && type == WireFormat.WireType.LengthDelimited)
                {
                    name = wire.String(end);
                }
                else if (field == TensorExternalData && type == WireFormat.WireType.LengthDelimited)
                {
                    var (key, value) = Entry(wire, wire.Message(end));
                    if (key == "location")
                    {
                        location = value;
                    }
                }
                else if (field == TensorDataLocation && type == WireFormat.WireType.Varint)
                {
                    external = wire.Varint() == DataLocationExternal;
                }
                else
                {
                    wire.Skip(type);
                }
            }

            if (main && name is not null && dims.Count == 2)
            {
                Tables[name] = dims[0];
            }

            if (external)
            {
                Locations.Add(location ?? throw new AroInputException($"{path}: a tensor's data_location is EXTERNAL but it names no 'location'"));
            }
        }

        private static (string? Key, string? Value) Entry(Wire wire, long end)
        {
            string? key = null, value = null;
            while (wire.Next(end, out var field, out var type))
            {
                if (type == WireFormat.WireType.LengthDelimited && field == EntryKey)
                {
                    key = wire.String(end);
                }
                else if (type == WireFormat.WireType.LengthDelimited && field == EntryValue)
                {
                    value = wire.String(end);
                }
                else
                {
                    wire.Skip(type);
                }
            }

            return (key, value);
        }

        private static string ValueInfoNameOf(Wire wire, long end)
        {
            var name = "";
            while (wire.Next(end, out var field, out var type))
            {
                if (type == WireFormat.WireType.LengthDelimited && field == ValueInfoName)
                {
                    name = wire.String(end);
                }
                else
                {
                    wire.Skip(type);
                }
            }

            return name;
        }

        private void CheckDepth(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new AroInputException($"{path}: subgraphs nested more than {MaxDepth} deep");
            }
        }
    }

    /// <summary>Protobuf wire reading over a seekable stream: tags, varints, lengths, short strings; skipping seeks.</summary>
    private sealed class Wire(Stream stream, string path)
    {
        private readonly long _length = stream.Length;

        /// <summary>Where the next byte is read from.</summary>
        public long Position => stream.Position;

        /// <summary>The next field of the top-level message (which ends with the file).</summary>
        public bool Next(out int field, out WireFormat.WireType type) => Next(_length, out field, out type);

        /// <summary>The next field before <paramref name="end"/>; false at the end of the message.</summary>
        public bool Next(long end, out int field, out WireFormat.WireType type)
        {
            if (stream.Position >= end)
            {
                if (stream.Position > end)
                {
                    throw Malformed("a field runs past the end of its message");
                }

                field = 0;
                type = default;
                return false;
            }

            var tag = Varint();
            if (tag > uint.MaxValue || WireFormat.GetTagFieldNumber((uint)tag) == 0)
            {
                throw Malformed($"invalid tag {tag}");
            }

            field = WireFormat.GetTagFieldNumber((uint)tag);
            type = WireFormat.GetTagWireType((uint)tag);
            return true;
        }

        /// <summary>Reads a length prefix and returns where the embedded message ends, checked against <paramref name="outer"/>.</summary>
        public long Message(long outer)
        {
            var length = Varint();
            var end = stream.Position + (long)length;
            if (length > long.MaxValue / 2 || end > outer)
            {
                throw Malformed($"a message of {length} bytes runs past the end of the one holding it");
            }

            return end;
        }

        public long Message() => Message(_length);

        public string String(long outer)
        {
            var end = Message(outer);
            var length = (int)Math.Min(end - stream.Position, MaxNameBytes);
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            stream.Position = end;
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        public void Skip(WireFormat.WireType type)
        {
            switch (type)
            {
                case WireFormat.WireType.Varint:
                    Varint();
                    break;
                case WireFormat.WireType.Fixed64:
                    Seek(8);
                    break;
                case WireFormat.WireType.Fixed32:
                    Seek(4);
                    break;
                case WireFormat.WireType.LengthDelimited:
                    stream.Position = Message(_length);
                    break;
                default:
                    throw Malformed($"wire type {(int)type} (groups) is not used by ONNX");
            }
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = stream.ReadByte();
                if (b < 0)
                {
                    throw Malformed("the file ends inside a number");
                }

                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            throw Malformed("a number longer than 10 bytes");
        }

        private void Seek(long bytes)
        {
            if (stream.Position + bytes > _length)
            {
                throw Malformed("the file ends inside a field");
            }

            stream.Position += bytes;
        }

        private AroInputException Malformed(string what) =>
            new($"{path}: not a readable ONNX model ({what}, at byte {stream.Position})");
    }
}
