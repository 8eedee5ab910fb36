namespace OkrLinker.Worker.Delivery;

internal static class DeliveryKinds
{
    public const string Files = "files";
    public const string Slack = "slack";
    public const string Teams = "teams";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Files, Slack, Teams, Email];

    /// <summary>The kind as the deliveries name it (lower case, trimmed), or null when it is none of them.</summary>
    public static string? Normalize(string? kind)
    {
        var k = kind?.Trim().ToLowerInvariant();
        return k is not null && All.Contains(k) ? k : null;
    }
}
