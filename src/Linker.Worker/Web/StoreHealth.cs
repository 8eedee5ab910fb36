namespace OkrLinker.Worker.Web;

/// <summary>Whether the store answered a trivial query in time; <see cref="Error"/> says why not.</summary>
internal sealed record StoreHealth(bool Ok, string? Error);
