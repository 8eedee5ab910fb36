namespace OkrLinker.Worker.Delivery;

/// <summary>
/// A delivery failed. <see cref="Problem"/> says what happened without any secret (no webhook URL, no
/// password); <see cref="Setting"/> names the entry's setting at fault (<c>Host</c>, <c>WebhookEnv</c>)
/// when the config is the cause. <see cref="IsPermanent"/>: trying again cannot help (a setting is
/// wrong, the receiver refused the credentials or the address), so the runner stops at once.
/// </summary>
public sealed class DeliveryException(string problem, string? setting = null, bool permanent = false, Exception? innerException = null)
    : Exception(problem, innerException)
{
    public string Problem { get; } = problem;

    public string? Setting { get; } = setting;

    public bool IsPermanent { get; } = permanent || setting is not null;

    /// <summary>
    /// The problem named after its entry: <c>Report:Deliver:1 (slack): webhook answered 500</c>, or with the
    /// setting at fault <c>Report:Deliver:2:Host (email): …</c>.
    /// </summary>
    public string Describe(int index, string kind) =>
        $"{DeliveryKeys.Entry(index, Setting)} ({kind}): {Problem}";
}
