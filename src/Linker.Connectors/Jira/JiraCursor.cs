using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// A Jira scope's cursor. Between runs only <see cref="Since"/> is set: the next read asks for
/// <c>updated &gt;= Since</c> (UTC epoch milliseconds, already moved back by the overlap). Within a run,
/// each committed page also records where the run stands in its <c>created ASC, key ASC</c> order
/// (<see cref="AfterCreated"/> and the ids read at exactly that instant), the newest <c>updated</c> seen so
/// far, and when the run began; a run that resumes after a crash starts at that position, never skips one.
/// </summary>
/// <param name="Since">The lower bound of <c>updated</c> of the run in progress (or the next run); null reads everything.</param>
/// <param name="RunStartedAt">UTC epoch ms at which the run in progress began; null between runs.</param>
/// <param name="Newest">The newest <c>updated</c> (epoch ms) read by the run in progress.</param>
/// <param name="AfterCreated">The <c>created</c> (epoch ms) of the last issue committed by the run in progress.</param>
/// <param name="AfterIds">The ids committed with exactly <see cref="AfterCreated"/>.</param>
internal sealed record JiraCursor(long? Since, long? RunStartedAt, long? Newest, long? AfterCreated, IReadOnlyList<string>? AfterIds)
{
    public static readonly JiraCursor Start = new(null, null, null, null, null);

    public bool InRun => RunStartedAt is not null;

    public static JiraCursor Parse(string? text) => CursorJson.Parse(text, Start);

    public override string ToString() => CursorJson.Write(this);
}
