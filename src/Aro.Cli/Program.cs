using System.Runtime.InteropServices;
using Aro.Cli;

// Ctrl-C and SIGTERM cancel the running command, which stops within a second (ONNX Runtime runs are terminated,
// checkpoints stay, nothing half-written is left) and exits 130. A second signal ends the process at once.
using var cancellation = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
return await AroCli.RunAsync(args, CliConsole.FromSystem(), cancellation.Token);
