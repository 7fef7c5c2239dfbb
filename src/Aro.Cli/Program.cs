using Aro.Cli;

return await AroCli.RunAsync(args, CliConsole.FromSystem());
