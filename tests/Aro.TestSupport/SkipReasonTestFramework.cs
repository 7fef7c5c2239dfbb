using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aro.TestSupport;

/// <summary>
/// xunit's own framework, except that every skipped test also sends its reason as a diagnostic message. The VSTest
/// adapter prints a skip's reason only at <c>--logger "console;verbosity=normal"</c>, but diagnostic messages as
/// warnings, which <c>dotnet test</c> shows at its default verbosity; so a fresh clone without the reference data
/// sees why each test was skipped. Test assemblies opt in with
/// <c>[assembly: TestFramework("Aro.TestSupport.SkipReasonTestFramework", "Aro.TestSupport")]</c> and a
/// <c>xunit.runner.json</c> that turns diagnostic messages on.
/// </summary>
public sealed class SkipReasonTestFramework(IMessageSink diagnostics) : XunitTestFramework(diagnostics)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions) =>
            base.RunTestCases(testCases, new ReportingSink(executionMessageSink, DiagnosticMessageSink), executionOptions);
    }

    /// <summary>Passes every message on; for a skipped test, first says why.</summary>
    private sealed class ReportingSink(IMessageSink inner, IMessageSink diagnostics) : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestSkipped skipped)
            {
                diagnostics.OnMessage(new DiagnosticMessage($"skipped {skipped.Test.DisplayName}: {skipped.Reason}"));
            }

            return inner.OnMessage(message);
        }
    }
}
