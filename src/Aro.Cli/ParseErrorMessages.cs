using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Globalization;
using Aro.Core;

namespace Aro.Cli;

/// <summary>
/// System.CommandLine's parse errors in aro's words: an unknown option or command with a "did you mean", a value
/// that is not a number or not one of the accepted words named with its option, one line per problem (a value typed
/// after an unknown option, or the arguments of an unknown command, are not reported again).
/// </summary>
internal static class ParseErrorMessages
{
    /// <summary>The problems of <paramref name="parse"/>, one sentence each, without the <c>aro: error: </c> prefix.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var commandResult = parse.CommandResult;
        var command = commandResult.Command;
        var path = CommandPath(parse);
        var unmatched = parse.UnmatchedTokens;
        var lines = new List<string>();
        var unknownCommand = false;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (IsOptionLike(token))
            {
                var name = token.Split('=', ':')[0];
                lines.Add($"unknown option '{name}' for '{path}'.{NameSuggestions.DidYouMean(name, OptionNames(commandResult))}");
                if (name.Length == token.Length && i + 1 < unmatched.Count && !IsOptionLike(unmatched[i + 1]))
                {
                    i++; // the value typed after it
                }
            }
            else if (command.Subcommands.Count > 0 && lines.Count == 0)
            {
                var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
                lines.Add($"unknown command '{token}' for '{path}'.{NameSuggestions.DidYouMean(token, names)} Commands: {string.Join(", ", names)}.");
                unknownCommand = true;
                break; // what follows belongs to the command that was meant
            }
            else
            {
                lines.Add($"unexpected argument '{token}' for '{path}'");
            }
        }

        foreach (var error in parse.Errors)
        {
            if (error.SymbolResult is null or CommandResult && unmatched.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                continue; // an unmatched token, described above
            }

            if (error.SymbolResult is CommandResult result && result.Command == command && command.Subcommands.Count > 0 && command.Action is null)
            {
                if (!unknownCommand)
                {
                    lines.Add($"'{path}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}.");
                }

                continue;
            }

            if (command.Options.FirstOrDefault(o => o.Required && parse.GetResult(o) is not OptionResult { IdentifierToken: not null } && error.Message.Contains($"'{o.Name}'", StringComparison.Ordinal)) is { } required)
            {
                lines.Add($"{required.Name} is required: {required.Description}");
                continue;
            }

            lines.Add(Rewrite(error));
        }

        return lines.Count > 0 ? lines : [.. parse.Errors.Select(e => e.Message)];
    }

    /// <summary>The command the user was running, as typed: <c>aro</c>, <c>aro eval</c>, <c>aro models pull</c>.</summary>
    public static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Add(command.Parent is null ? "aro" : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static bool IsOptionLike(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The option names and aliases valid at <paramref name="result"/>: its command's, and the recursive ones of the commands above.</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        var first = true;
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            foreach (var option in command.Command.Options.Where(o => !o.Hidden && (first || o.Recursive)))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    yield return alias;
                }
            }

            first = false;
        }
    }

    /// <summary>A value error in aro's words when its option or argument is known, else the library's message.</summary>
    private static string Rewrite(ParseError error)
    {
        var (symbol, name, valueType, tokens) = error.SymbolResult switch
        {
            OptionResult option => ((Symbol)option.Option, option.Option.Name, option.Option.ValueType, option.Tokens),
            ArgumentResult { Parent: OptionResult option } argument => (option.Option, option.Option.Name, option.Option.ValueType, argument.Tokens),
            ArgumentResult argument => (argument.Argument, $"<{argument.Argument.Name}>", argument.Argument.ValueType, argument.Tokens),
            _ => (null, "", typeof(string), (IReadOnlyList<Token>)[]),
        };
        if (symbol is null || tokens.Count == 0)
        {
            return error.Message;
        }

        var type = Nullable.GetUnderlyingType(valueType) ?? (valueType.IsArray ? valueType.GetElementType()! : valueType);
        var bad = tokens.Select(t => t.Value).FirstOrDefault(v => !Parses(type, v));
        if (bad is not null && Kind(type) is { } kind)
        {
            return $"{name}: '{bad}' is not {kind}";
        }

        var allowed = symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        var value = tokens[^1].Value;
        if (allowed.Count > 0 && !allowed.Contains(value, StringComparer.Ordinal))
        {
            return $"{name}: '{value}' is not one of {string.Join(", ", allowed)}.{NameSuggestions.DidYouMean(value, allowed)}";
        }

        return error.Message;
    }

    private static string? Kind(Type type) =>
        type == typeof(int) || type == typeof(long) ? "an integer"
        : type == typeof(double) || type == typeof(float) ? "a number"
        : type == typeof(bool) ? "true or false"
        : null;

    private static bool Parses(Type type, string value) =>
        type == typeof(int) ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        : type == typeof(double) || type == typeof(float) ? double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        : type != typeof(bool) || bool.TryParse(value, out _);
}
