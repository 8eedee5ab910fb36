namespace OkrLinker.Core.Sources;

/// <summary>What a sweep learns of one item: that it is there, and under which key.</summary>
public sealed record ItemStamp(string ExternalId, string Key);
