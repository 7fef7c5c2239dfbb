using System.CommandLine;
using System.Globalization;

namespace Aro.Cli;

/// <summary>
/// Checks of option values made while parsing. Range checks for integer options that read the typed token, not the converted value: a validator that asks for
/// the value of a token that did not parse ("--batch-size x") would throw inside the parser instead of letting it
/// report the parse error.
/// </summary>
internal static class OptionValidation
{
    public static void Range<T>(Option<T> option, int min, int max) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0
                && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && (value < min || value > max))
            {
                result.AddError(max == int.MaxValue
                    ? $"{option.Name} must be at least {min}."
                    : $"{option.Name} must be between {min} and {max}.");
            }
        });

    /// <summary>
    /// Runs <paramref name="parse"/> (aro's own parser of the option's text, which throws <see cref="Aro.Core.AroInputException"/>)
    /// while the command line is parsed, so a bad value is a usage error reported before anything runs.
    /// </summary>
    public static void Parsed<T>(Option<T> option, Action<string> parse) =>
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0)
            {
                try
                {
                    parse(result.Tokens[^1].Value);
                }
                catch (Aro.Core.AroInputException ex)
                {
                    result.AddError(ex.Message);
                }
            }
        });
}
