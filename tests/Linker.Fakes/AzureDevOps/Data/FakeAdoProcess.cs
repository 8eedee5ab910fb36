namespace OkrLinker.Fakes;

/// <summary>
/// The work item types of a project's process and each type's states with their category, as
/// <c>_apis/wit/workitemtypes/{type}/states</c> reports them.
/// </summary>
public sealed record FakeAdoProcess(string Name, IReadOnlyDictionary<string, IReadOnlyList<FakeAdoState>> Types)
{
    /// <summary>Agile: Epic, Feature, User Story and Task with the stock states.</summary>
    public static FakeAdoProcess Agile { get; } = new("Agile", new Dictionary<string, IReadOnlyList<FakeAdoState>>(StringComparer.OrdinalIgnoreCase)
    {
        ["Epic"] = Backlog(),
        ["Feature"] = Backlog(),
        ["User Story"] = Backlog(),
        ["Task"] = [new("New", "Proposed"), new("Active", "InProgress"), new("Closed", "Completed"), new("Removed", "Removed")],
    });

    /// <summary>
    /// An inherited process with states no well-known name covers ("Triaged", "Ready for QA", "Shipped",
    /// "Dropped"), so only the process's categories can place them.
    /// </summary>
    public static FakeAdoProcess Custom { get; } = new("Acme Agile", new Dictionary<string, IReadOnlyList<FakeAdoState>>(StringComparer.OrdinalIgnoreCase)
    {
        ["Epic"] = Backlog(),
        ["Feature"] = Backlog(),
        ["User Story"] =
        [
            new("New", "Proposed"), new("Triaged", "Proposed"), new("Active", "InProgress"), new("Ready for QA", "Resolved"),
            new("Shipped", "Completed"), new("Dropped", "Removed"),
        ],
        ["Task"] = [new("New", "Proposed"), new("Active", "InProgress"), new("Closed", "Completed"), new("Removed", "Removed")],
    });

    public IReadOnlyList<FakeAdoState> StatesOf(string type) =>
        Types.TryGetValue(type, out var states) ? states : [];

    /// <summary>The category (<c>Proposed</c>, <c>InProgress</c>, <c>Resolved</c>, <c>Completed</c>, <c>Removed</c>) of a state of a type.</summary>
    public string CategoryOf(string type, string state) =>
        StatesOf(type).FirstOrDefault(s => string.Equals(s.Name, state, StringComparison.OrdinalIgnoreCase))?.Category ?? "InProgress";

    private static FakeAdoState[] Backlog() =>
        [new("New", "Proposed"), new("Active", "InProgress"), new("Resolved", "Resolved"), new("Closed", "Completed"), new("Removed", "Removed")];
}

/// <summary>One state of a work item type.</summary>
public sealed record FakeAdoState(string Name, string Category);
