namespace OkrLinker.Core.Configuration;

/// <summary>
/// A secret's value and where it came from. <see cref="ToString"/> is the origin only, so a secret
/// that slips into a log or an interpolated message shows where it lives, not what it is.
/// </summary>
/// <param name="Value">The trimmed, non-empty value.</param>
/// <param name="Key">The config key that named it (<c>Auth.TokenEnv</c>).</param>
/// <param name="Origin"><c>the environment variable JIRA_TOKEN</c> or <c>the file /etc/okr/token</c>.</param>
public sealed record Secret(string Value, string Key, string Origin)
{
    public override string ToString() => $"{Origin} ({Key})";
}
