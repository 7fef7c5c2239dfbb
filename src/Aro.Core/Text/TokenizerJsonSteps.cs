namespace Aro.Core.Text;

/// <summary>Shared reading of tokenizer.json components: sequences flattened, Replace patterns, template tokens.</summary>
internal static class TokenizerJsonSteps
{
    /// <summary>
    /// The steps of a normaliser or pre-tokenizer: a <c>Sequence</c>'s items (in <paramref name="itemsField"/>),
    /// a single component as itself, nothing for null.
    /// </summary>
    public static List<JsonCursor> Flatten(JsonCursor component, string itemsField)
    {
        var steps = new List<JsonCursor>();
        if (component.IsNull)
        {
            return steps;
        }

        if (component.Type() == "Sequence")
        {
            foreach (var item in component.Require(itemsField).Items())
            {
                steps.AddRange(Flatten(item, itemsField));
            }
        }
        else
        {
            steps.Add(component);
        }

        return steps;
    }

    /// <summary>A <c>Replace</c> step: (is the pattern a regex, the pattern, the replacement).</summary>
    public static (bool IsRegex, string Pattern, string Content) Replace(JsonCursor step)
    {
        var pattern = step.Require("pattern");
        var regex = pattern.Field("Regex");
        var content = step.Require("content").String();
        if (!regex.IsNull)
        {
            return (true, regex.String(), content);
        }

        return (false, pattern.Require("String").String(), content);
    }

    /// <summary>
    /// The pieces of a <c>TemplateProcessing</c> <c>single</c> template: "$A" for the sequence, the token text for a
    /// special token. Older files write the template as a string ("[CLS] $A [SEP]").
    /// </summary>
    public static List<string> SingleTemplate(JsonCursor postProcessor)
    {
        var single = postProcessor.Require("single");
        var pieces = new List<string>();
        if (single.Element.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            foreach (var part in single.String().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                pieces.Add(part.Split(':')[0]);
            }

            return pieces;
        }

        foreach (var item in single.Items())
        {
            var sequence = item.Field("Sequence");
            if (!sequence.IsNull)
            {
                pieces.Add("$" + sequence.Require("id").String());
                continue;
            }

            pieces.Add(item.Require("SpecialToken").Require("id").String());
        }

        return pieces;
    }
}
