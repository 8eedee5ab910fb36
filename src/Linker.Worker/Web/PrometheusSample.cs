namespace OkrLinker.Worker.Web;

/// <summary>One line of a metric family: its labels in the order written, and its value.</summary>
internal sealed record PrometheusSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);
