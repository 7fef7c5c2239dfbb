using Aro.Core.Benchmarks;
using Aro.Core.IO;

namespace Aro.Core.Results;

/// <summary>Writes a subset's diagnostics file (<see cref="DiagnosticsDefinition"/>): its columns, then its rows as the definition formats them.</summary>
public static class DiagnosticsCsvWriter
{
    public static void Write(string path, DiagnosticsDefinition definition, CaseDiagnostics diagnostics) =>
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvFormat.CreateWriter(stream);
            CsvFormat.WriteRecord(csv, definition.Columns);
            foreach (var row in diagnostics.Rows())
            {
                CsvFormat.WriteRecord(csv, row);
            }
        });
}
