namespace Aro.Cli.Tests.Support;

/// <summary>Runs the aro command line in-process and captures what it writes.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AroCli.RunAsync(args, new CliConsole(output, error, isTerminal: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
