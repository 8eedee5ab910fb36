namespace OkrLinker.Core.Linking;

/// <summary>A key an item names in its title, body or head branch.</summary>
/// <param name="Key">The key the reference yields, e.g. <c>PAY-12</c>, <c>4711</c>, <c>acme/web#12</c>.</param>
/// <param name="Where">Where the item names it: <c>title</c>, <c>body</c> or <c>branch</c>.</param>
/// <param name="Text">The text that matched, e.g. <c>AB#4711</c>.</param>
internal readonly record struct ItemReference(string Key, string Where, string Text);
