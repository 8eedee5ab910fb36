namespace OkrLinker.Core.Reports;

/// <summary>
/// A finding of lint or linking. <paramref name="Rule"/> is a stable kebab-case id
/// (<c>unknown-kr-tag</c>, <c>too-many-objectives</c>, …); <paramref name="Severity"/> is
/// <c>error</c>, <c>warning</c> or <c>info</c>; <paramref name="Subject"/> names what it is about
/// (an item key, a KR or objective id).
/// </summary>
public sealed record Finding(string Rule, string Severity, string Subject, string Message);
