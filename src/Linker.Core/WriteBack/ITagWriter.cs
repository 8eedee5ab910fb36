namespace OkrLinker.Core.WriteBack;

/// <summary>
/// Puts a KR tag on one item in its tracker with the source's write token (GitHub label, Jira label, Azure DevOps
/// tag). One per tracker kind, built per write by its <see cref="TagWriterKind"/>.
/// </summary>
public interface ITagWriter : IDisposable
{
    /// <summary>
    /// Adds <paramref name="tag"/> to <paramref name="target"/>; an item that has it already is left as it is. Never
    /// throws for what the tracker answered: a refusal is a failed <see cref="TagWriteResult"/> that says why.
    /// </summary>
    Task<TagWriteResult> AddTagAsync(TagTarget target, string tag, CancellationToken cancellationToken);
}
