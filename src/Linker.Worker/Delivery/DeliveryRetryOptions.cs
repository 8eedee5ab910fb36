namespace OkrLinker.Worker.Delivery;

/// <summary>How long the runner waits between tries of one entry: <see cref="BaseDelay"/>, then twice that, and so on.</summary>
public sealed class DeliveryRetryOptions
{
    /// <summary>The wait after the first failed try. Default 2 s (then 4 s, 8 s, …).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>No single wait grows beyond this. Default 5 minutes.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
