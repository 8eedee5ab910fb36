using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Connectors.Auth;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;

namespace OkrLinker.Connectors.Metrics.Prometheus;

/// <summary>
/// The <c>prometheus</c> provider: okrs.yaml's <c>query</c> is PromQL, read once a day at UTC midnight over the range
/// (<c>/api/v1/query_range</c>, step 1 day) and at the range's end (<c>/api/v1/query?time=</c>). Bearer token from
/// <c>Auth.TokenEnv</c>/<c>TokenFile</c>, or basic auth when <c>Auth.Email</c> names the user.
/// </summary>
internal sealed class PrometheusMetricProvider(MetricProviderOptions options, HttpClient http, ConfigLocation location) : IMetricProvider, IDisposable
{
    public const string Kind = "prometheus";

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public string Name => options.Name;

    public static MetricProviderKind Registration => new(Kind, Create) { Validate = Validate };

    public void Dispose() => http.Dispose();

    public Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ProviderCall.RunAsync(Name, request.KrId, options.Timeout, token => ReadWithinAsync(request, token), cancellationToken);
    }

    private async Task<IReadOnlyList<MetricSample>> ReadWithinAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        var authorization = Authorization(request.KrId);
        var moments = MetricDays.Between(request.From, request.To);
        var midnights = moments.Where(m => m.TimeOfDay == TimeSpan.Zero).ToList();
        var points = new SortedDictionary<DateTimeOffset, double>();
        if (midnights.Count > 0)
        {
            var range = $"api/v1/query_range?query={Escape(request.Metric.Query)}&start={Unix(midnights[0])}&end={Unix(midnights[^1])}&step={Day.TotalSeconds}s{TimeoutParameter}";
            foreach (var (at, value) in await QueryAsync(range, authorization, request.KrId, cancellationToken))
            {
                // A day whose value is NaN (a ratio over no traffic) holds no value; it is not a failure of the series.
                if (double.IsFinite(value))
                {
                    points[at] = value;
                }
            }
        }

        if (moments.Count > 0 && moments[^1].TimeOfDay != TimeSpan.Zero)
        {
            var instant = $"api/v1/query?query={Escape(request.Metric.Query)}&time={Unix(moments[^1])}{TimeoutParameter}";
            foreach (var (at, value) in await QueryAsync(instant, authorization, request.KrId, cancellationToken))
            {
                points[at] = double.IsFinite(value)
                    ? value
                    : throw MetricProviderException.Because(Name, request.KrId, $"'{request.Metric.Query}' is {value.ToString(CultureInfo.InvariantCulture)} at {at:yyyy-MM-dd HH:mm:ss}Z, not a number");
            }
        }

        if (points.Count == 0 && moments.Count > 0)
        {
            throw MetricProviderException.Because(Name, request.KrId,
                $"no series: '{request.Metric.Query}' returns no data from {request.From:yyyy-MM-dd HH:mm}Z to {request.To:yyyy-MM-dd HH:mm}Z");
        }

        return [.. points.Select(p => new MetricSample(request.KrId, p.Key, p.Value))];
    }

    // Prometheus stops evaluating a query past its own timeout too, rather than only the client giving up.
    private string TimeoutParameter => $"&timeout={Math.Max(1, (int)options.Timeout.TotalSeconds)}s";

    private async Task<IReadOnlyList<(DateTimeOffset At, double Value)>> QueryAsync(
        string target, AuthenticationHeaderValue? authorization, string krId, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, target);
        message.Headers.Authorization = authorization;
        using var response = await http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return PrometheusAnswer.Read(response.StatusCode, body);
        }
        catch (InvalidDataException e)
        {
            throw MetricProviderException.Because(Name, krId, e.Message, e);
        }
    }

    private AuthenticationHeaderValue? Authorization(string krId)
    {
        var token = SourceToken.Read(options.Auth, location, problem => MetricProviderException.Because(Name, krId, problem));
        if (token is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.Auth.Email)
            ? new AuthenticationHeaderValue("Bearer", token)
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Auth.Email}:{token}")));
    }

    private static string Escape(string query) => Uri.EscapeDataString(query);

    private static string Unix(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static PrometheusMetricProvider Create(IServiceProvider services, MetricProviderOptions options)
    {
        var location = services.GetService<ConfigLocation>() ?? new ConfigLocation(Environment.CurrentDirectory);
        var settings = new SourceHttpSettings(options.Name, SourceVendor.Prometheus, new Uri(options.BaseUrl!), SourceToken.Describe(options.Auth))
        {
            Role = ProviderCall.Role,
            DefaultHeaders = new Dictionary<string, string> { ["Accept"] = "application/json" },
        };
        return new PrometheusMetricProvider(options, services.GetRequiredService<SourceHttpClientFactory>().Create(settings), location);
    }

    private static IEnumerable<string> Validate(MetricProviderOptions options)
    {
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"BaseUrl: the Prometheus server's root URL, such as http://prometheus:9090 (got '{options.BaseUrl}')";
        }

        if (!string.IsNullOrWhiteSpace(options.Auth.Email) && string.IsNullOrWhiteSpace(options.Auth.TokenEnv) && string.IsNullOrWhiteSpace(options.Auth.TokenFile))
        {
            yield return "Auth: basic auth needs the password in Auth.TokenEnv or Auth.TokenFile beside Auth.Email";
        }
    }
}
