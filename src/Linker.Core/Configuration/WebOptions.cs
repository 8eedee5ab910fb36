namespace OkrLinker.Core.Configuration;

public sealed class WebOptions
{
    public string Urls { get; set; } = "http://127.0.0.1:8080";
}
