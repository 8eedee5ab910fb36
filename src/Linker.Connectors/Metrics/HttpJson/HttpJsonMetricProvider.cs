using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;

namespace OkrLinker.Connectors.Metrics.HttpJson;

/// <summary>
/// The <c>http-json</c> provider: GET <c>BaseUrl</c> + okrs.yaml's <c>query</c> (a path, with a query string if need be),
/// the metric's <c>path</c> (<see cref="JsonPathLite"/>) picks the number. Headers come from the environment variables
/// <c>HeadersEnv</c> names; their values are never logged nor put in a message. No history: one sample, now.
/// </summary>
internal sealed class HttpJsonMetricProvider(MetricProviderOptions options, HttpClient http, SecretReader secrets, TimeProvider time) : IMetricProvider, IDisposable
{
    public const string Kind = "http-json";

    public string Name => options.Name;

    public static MetricProviderKind Registration => new(Kind, Create) { Validate = Validate };

    public void Dispose() => http.Dispose();

    public Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        JsonPathLite path;
        try
        {
            path = JsonPathLite.Parse(request.Metric.Path ?? throw new FormatException("the metric has no path (the JSONPath of the number)"));
        }
        catch (FormatException e)
        {
            throw MetricProviderException.Because(Name, request.KrId, e.Message, e);
        }

        var headers = Headers(request.KrId);
        return ProviderCall.RunAsync(Name, request.KrId, options.Timeout, token => ReadWithinAsync(request, path, headers, token), cancellationToken);
    }

    private async Task<IReadOnlyList<MetricSample>> ReadWithinAsync(
        MetricRequest request, JsonPathLite path, IReadOnlyList<(string Name, string Value)> headers, CancellationToken cancellationToken)
    {
        // Relative to BaseUrl, also when the query starts with '/'.
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Metric.Query.TrimStart('/'));
        foreach (var (name, value) in headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(message, cancellationToken);
        var target = $"GET {request.Metric.Query.Split('?')[0]}";
        if (!response.IsSuccessStatusCode)
        {
            throw MetricProviderException.Because(Name, request.KrId, $"{target} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            return [new MetricSample(request.KrId, time.GetUtcNow(), path.Select(json.RootElement))];
        }
        catch (JsonException e)
        {
            throw MetricProviderException.Because(Name, request.KrId, $"{target} answered {(int)response.StatusCode} with a body that is not JSON", e);
        }
        catch (InvalidDataException e)
        {
            throw MetricProviderException.Because(Name, request.KrId, e.Message, e);
        }
    }

    private List<(string Name, string Value)> Headers(string krId)
    {
        var headers = new List<(string, string)>();
        foreach (var (header, variable) in options.HeadersEnv)
        {
            try
            {
                headers.Add((header, secrets.Require($"HeadersEnv:{header}", variable, "missing; name the environment variable that holds the header's value").Value));
            }
            catch (SecretException e)
            {
                throw MetricProviderException.Because(Name, krId, e.Message, e);
            }
        }

        return headers;
    }

    private static HttpJsonMetricProvider Create(IServiceProvider services, MetricProviderOptions options)
    {
        var settings = new SourceHttpSettings(options.Name, SourceVendor.Http, new Uri(options.BaseUrl!), string.Join(", ", options.HeadersEnv.Values))
        {
            Role = ProviderCall.Role,
            DefaultHeaders = new Dictionary<string, string> { ["Accept"] = "application/json" },
        };
        var http = services.GetRequiredService<SourceHttpClientFactory>().Create(settings);
        return new HttpJsonMetricProvider(options, http, SourceServices.Secrets(services), services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    private static IEnumerable<string> Validate(MetricProviderOptions options)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"BaseUrl: the server's root URL, such as https://stats.acme.com (got '{options.BaseUrl}')";
        }

        foreach (var (header, variable) in options.HeadersEnv.Where(h => string.IsNullOrWhiteSpace(h.Value)))
        {
            yield return $"HeadersEnv:{header}: name the environment variable that holds the header's value";
        }
    }
}
