using System.Globalization;
using System.Runtime.InteropServices;

namespace Aro.Cli;

/// <summary>
/// Ctrl-C and SIGTERM: the first cancels the running command, which normally stops within a second (ONNX Runtime
/// runs are terminated, checkpoints stay) and exits 130. A command can be stuck where cancellation cannot reach it —
/// a read the operating system does not return from (a stalled network file system) — and then used to ignore the
/// signal for good; so if it has not returned <see cref="Grace"/> after the signal, the process ends with 130 all
/// the same. That is no less safe than SIGKILL, which every result file survives (they are written whole or not at
/// all). A second signal ends the process at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly ManualResetEventSlim _finished = new();
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _signalled;

    /// <param name="error">Where the note of a forced stop goes (standard error).</param>
    /// <param name="grace">How long the command has to return after the first signal.</param>
    public StopSignals(TextWriter error, TimeSpan? grace = null)
    {
        _error = error;
        Grace = grace ?? TimeSpan.FromSeconds(1);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public TimeSpan Grace { get; }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The command returned: no forced stop after this.</summary>
    public void Dispose()
    {
        _finished.Set();
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref _signalled, 1) != 0)
        {
            return; // the second signal: its default action ends the process
        }

        context.Cancel = true;
        new Thread(ForceStopAfterGrace) { IsBackground = true, Name = "aro stop watchdog" }.Start();
        try
        {
            _cancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A cancellation callback failed; the watchdog still ends the process.
        }
    }

    private void ForceStopAfterGrace()
    {
        if (_finished.Wait(Grace))
        {
            return;
        }

        _error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"aro: interrupted; the command did not stop within {Grace.TotalSeconds:0.#} s of the signal, so the process was ended. ") +
            "Finished files are complete; `aro eval ... --resume` continues from the last checkpoint.");
        _error.Flush();
        Environment.Exit(ExitCodes.Interrupted);
    }
}
