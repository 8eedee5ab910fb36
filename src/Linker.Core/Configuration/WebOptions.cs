namespace OkrLinker.Core.Configuration;

public sealed class WebOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// When set, every endpoint but <c>/healthz</c> needs it (header <c>X-Api-Key</c> or
    /// <c>Authorization: Bearer</c>). Set it through the environment: <c>OKRLINKER_Web__ApiKey</c>.
    /// </summary>
    public string? ApiKey { get; set; }
}
