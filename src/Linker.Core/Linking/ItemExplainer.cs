using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Answers "why is this item linked (or not)?" for the <c>explain</c> verb and the API: links every
/// stored item with the current config and okrs.yaml, without storing anything, and picks the item.
/// </summary>
public sealed class ItemExplainer(LinkRunner linkRunner, OkrSetSource okrs)
{
    /// <summary>
    /// The stored items with <paramref name="key"/> (case-insensitive), in every source or only in
    /// <paramref name="source"/>; empty when none has it.
    /// </summary>
    /// <exception cref="OkrLoadException">okrs.yaml is missing or broken.</exception>
    /// <exception cref="LinkingConfigException">The <c>Linking</c> section cannot be used.</exception>
    public async Task<IReadOnlyList<LinkedItem>> FindAsync(string key, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = await linkRunner.ReadLinksAsync(okrs.Load(), cancellationToken);
        return
        [
            .. result.Items.Where(i =>
                string.Equals(i.Item.Key.Trim(), key.Trim(), StringComparison.OrdinalIgnoreCase)
                && (source is null || string.Equals(i.Item.Source, source, StringComparison.OrdinalIgnoreCase))),
        ];
    }
}
