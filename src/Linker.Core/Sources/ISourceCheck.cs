namespace OkrLinker.Core.Sources;

/// <summary>A source that can tell, cheaply, whether it can be reached and read (the <c>check</c> verb).</summary>
public interface ISourceCheck
{
    /// <summary>One line per thing checked; never throws for an unreachable or rejecting tracker, it reports it.</summary>
    Task<IReadOnlyList<CheckLine>> CheckAsync(CancellationToken cancellationToken);
}
