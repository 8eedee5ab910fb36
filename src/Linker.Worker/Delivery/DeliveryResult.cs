namespace OkrLinker.Worker.Delivery;

/// <summary>
/// How one <c>Report.Deliver</c> entry went. <paramref name="Index"/> is its position in the list (the
/// <c>n</c> of <c>Report:Deliver:n</c>); <paramref name="Attempts"/> counts the tries made (0 when the entry
/// was refused before any try because its settings are incomplete); <paramref name="Error"/> is the last
/// failure, naming the entry, or null on success.
/// </summary>
public sealed record DeliveryResult(int Index, string Kind, bool Succeeded, int Attempts, string? Error);
