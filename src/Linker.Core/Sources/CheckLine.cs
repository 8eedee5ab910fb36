namespace OkrLinker.Core.Sources;

/// <summary>One row of the <c>check</c> table: what was checked, whether it is fine, and what was seen.</summary>
public sealed record CheckLine(string Source, string Subject, bool Ok, string Detail);
