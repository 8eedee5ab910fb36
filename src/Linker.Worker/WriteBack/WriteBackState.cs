namespace OkrLinker.Worker.WriteBack;

/// <summary>Whether approvals can tag items of a source, and if not, what to set (never the token).</summary>
internal sealed record WriteBackState(bool On, string Why);
