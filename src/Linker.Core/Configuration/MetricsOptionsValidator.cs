using Microsoft.Extensions.Options;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Configuration;

/// <summary>Checks <c>Metrics.Providers</c> at start against the registered kinds; every failure names its key.</summary>
internal sealed class MetricsOptionsValidator(IEnumerable<MetricProviderKind> kinds) : IValidateOptions<LinkerOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkerOptions options)
    {
        var failures = new List<string>();
        var known = kinds.ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sources = options.Sources.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Metrics.Providers.Count; i++)
        {
            var key = $"Metrics:Providers:{i}";
            var provider = options.Metrics.Providers[i];
            if (string.IsNullOrWhiteSpace(provider.Name))
            {
                failures.Add($"{key}:Name: every metric provider needs a name (okrs.yaml's metric.provider names it)");
            }
            else if (string.Equals(provider.Name, MetricSpec.Tracker, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{key}:Name: '{provider.Name}' is the built-in provider's name; it needs no entry, pick another name");
            }
            else if (!names.Add(provider.Name))
            {
                failures.Add($"{key}:Name: '{provider.Name}' is used by another metric provider");
            }
            else if (sources.Contains(provider.Name))
            {
                // The HTTP request counters and rate-limit pauses are kept per name.
                failures.Add($"{key}:Name: '{provider.Name}' is also a source's name; pick another");
            }

            if (provider.Timeout <= TimeSpan.Zero)
            {
                failures.Add($"{key}:Timeout: must be positive, e.g. 00:00:30");
            }

            var kind = known.FirstOrDefault(k => string.Equals(k.Kind, provider.Kind, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                var list = known.Count == 0 ? "none registered" : string.Join(", ", known.Select(k => k.Kind));
                failures.Add(string.IsNullOrWhiteSpace(provider.Kind)
                    ? $"{key}:Kind: say which kind of data source it is ({list})"
                    : $"{key}:Kind: unknown kind '{provider.Kind}' (known: {list})");
                continue;
            }

            failures.AddRange(kind.Validate(provider).Select(f => $"{key}:{f}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
