namespace OkrLinker.Core.Configuration;

public sealed class WebOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// When set, every endpoint but <c>/healthz</c> and the dashboard's <c>/login</c> needs it (header <c>X-Api-Key</c> or
    /// <c>Authorization: Bearer</c>; the dashboard's pages also take the cookie its sign-in form sets).
    /// Set it through the environment: <c>OKRLINKER_Web__ApiKey</c>.
    /// </summary>
    public string? ApiKey { get; set; }
}
