namespace OkrLinker.Fakes;

/// <summary>Every request the fake Azure DevOps answered (or dropped), in arrival order, with what it asked for. Thread-safe.</summary>
public sealed class FakeAdoJournal : FakeJournal<FakeAdoRequest>
{
    /// <summary>The entries of one kind (<c>wiql</c>, <c>batch</c>, <c>states</c>, …).</summary>
    public IReadOnlyList<FakeAdoRequest> OfKind(string kind) => Where(e => e.Kind == kind);
}
