namespace Aro.Core.Text;

/// <summary>One entry of tokenizer.json's <c>added_tokens</c>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Content">Its text.</param>
/// <param name="Special">Whether it is a special (control) token.</param>
public sealed record TokenizerJsonAddedToken(int Id, string Content, bool Special);
