namespace OkrLinker.Fakes.Jira;

/// <summary>How a <see cref="FakeJira"/> behaves; every member has a working default.</summary>
public sealed record FakeJiraOptions
{
    public FakeJiraFlavor Flavor { get; init; } = FakeJiraFlavor.Cloud;

    /// <summary>Cloud: the account e-mail of Basic auth.</summary>
    public string Email { get; init; } = "okr-bot@acme.example";

    /// <summary>The only accepted API token (Cloud) or personal access token (Data Center); default a random one.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// The account's profile zone: zone-less JQL dates are read in it (to the minute) and timestamps are written
    /// with its offset. Default UTC−8 (America/Los_Angeles), so a connector that sends zone-less UTC dates loses issues.
    /// </summary>
    public TimeZoneInfo ProfileZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>An issue updated less than this long ago is missing from search (Jira's index lags). Default none.</summary>
    public TimeSpan SearchLag { get; init; } = TimeSpan.Zero;

    /// <summary>Too many failed logins: every request answers 403 with <c>X-Seraph-LoginReason: AUTHENTICATION_DENIED</c>.</summary>
    public bool CaptchaLocked { get; init; }

    /// <summary>The site's custom field ids (they differ per site, which is why the connector looks them up by name).</summary>
    public string KeyResultFieldId { get; init; } = "customfield_10877";

    public string StoryPointsFieldId { get; init; } = "customfield_10016";

    public string EpicLinkFieldId { get; init; } = "customfield_10014";

    /// <summary>A delay before every answer, a realistic round trip for benchmarks; default none.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>The clock for the search lag, <c>updated</c> of edits and the request log.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
