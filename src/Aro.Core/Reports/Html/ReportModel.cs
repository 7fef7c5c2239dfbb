using Aro.Core.Results;

namespace Aro.Core.Reports.Html;

/// <summary>One results folder in the report: its unique label and the colour of its bars.</summary>
public sealed record ReportModel(string Label, string Color, ResultsFolder Folder);
