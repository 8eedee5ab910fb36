namespace OkrLinker.Core.Configuration;

/// <summary>
/// Write-back on approval (issue 16): the tag OkrLinker puts on an item in its tracker when a PM approves a KR on the
/// dashboard. Write-back itself is on per source, when the source names a write token (<c>Auth.WriteTokenEnv</c>).
/// </summary>
public sealed class WriteBackOptions
{
    /// <summary>The placeholder <see cref="TagFormat"/> must hold once.</summary>
    public const string KrPlaceholder = "{kr}";

    /// <summary>
    /// The label or tag written, <c>{kr}</c> standing for the KR id. Default <c>kr:{kr}</c> (<c>kr:O1-KR1</c>), which
    /// the default <c>Linking:TagPatterns</c> reads back. Validated at start: the tag it makes must be read back as
    /// the same KR by <c>Linking:TagPatterns</c>, or an approved item would not link after the re-sync.
    /// </summary>
    public string TagFormat { get; set; } = "kr:" + KrPlaceholder;
}
