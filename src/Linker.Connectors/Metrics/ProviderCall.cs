using System.Globalization;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Sources;
using Polly.Timeout;

namespace OkrLinker.Connectors.Metrics;

/// <summary>
/// One read of a provider under its <c>Timeout</c>, with every way a network read fails turned into the
/// <see cref="MetricProviderException"/> the contract promises. The caller's own cancellation still cancels.
/// </summary>
internal static class ProviderCall
{
    public const string Role = "Metric provider";

    public static async Task<T> RunAsync<T>(
        string provider, string krId, TimeSpan timeout, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await read(deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw MetricProviderException.Because(provider, krId, $"no answer within {Seconds(timeout)} (Metrics:Providers Timeout)", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw MetricProviderException.Because(provider, krId, $"no answer within the Http:AttemptTimeout, retries included ({e.Message})", e);
        }
        catch (HttpRequestException e)
        {
            throw MetricProviderException.Because(provider, krId, $"cannot reach the server ({e.Message})", e);
        }
        catch (HttpIOException e)
        {
            // The shared HTTP layer retries a 200 whose body is not the JSON it claims, then gives up with this.
            throw MetricProviderException.Because(provider, krId, "the answer was cut short or not the JSON it claimed to be, and stayed so when asked again", e);
        }
        catch (SourceException e)
        {
            // The HTTP layer words its refusals "Metric provider 'x': …"; the KR goes in front instead.
            var prefix = $"{Role} '{provider}': ";
            var reason = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            throw MetricProviderException.Because(provider, krId, reason.TrimEnd('.'), e);
        }
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
