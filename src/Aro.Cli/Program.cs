using Aro.Cli;

// Ctrl-C and SIGTERM cancel the running command, which stops within a second and exits 130 (StopSignals ends the
// process if a blocked read keeps it from stopping). A second signal ends the process at once.
using var signals = new StopSignals(Console.Error);
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
return await AroCli.RunAsync(args, CliConsole.FromSystem(), signals.Token);
