namespace OkrLinker.Fakes;

/// <summary>A team project of the fake collection and the process its work item types follow.</summary>
public sealed record FakeAdoProject(string Name, Guid Id, FakeAdoProcess Process);

/// <summary>What to generate for one project: its name, how many work items, which process.</summary>
public sealed record FakeAdoProjectSpec(string Name, int Items, FakeAdoProcess Process);

/// <summary>A work item in the recycle bin: its last copy and when it was deleted.</summary>
public sealed record FakeAdoDeleted(FakeAdoItem Item, DateTimeOffset DeletedAt);
