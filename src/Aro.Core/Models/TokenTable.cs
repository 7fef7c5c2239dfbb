namespace Aro.Core.Models;

/// <summary>A text graph's token embedding table: the initializer the token ids index, and its row count.</summary>
public sealed record TokenTable(string Initializer, long Rows);
