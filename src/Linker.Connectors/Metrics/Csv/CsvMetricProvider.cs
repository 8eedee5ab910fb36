using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;

namespace OkrLinker.Connectors.Metrics.Csv;

/// <summary>
/// The <c>csv</c> provider: one file per series in the provider's folder; okrs.yaml's <c>query</c> is the file's
/// name (<c>activation.csv</c>, or a path below the folder). The file is read again on every read, so edits show.
/// </summary>
internal sealed class CsvMetricProvider(string name, string folder) : IMetricProvider
{
    public const string Kind = "csv";

    public string Name { get; } = name;

    public static MetricProviderKind Registration => new(Kind, Create) { Validate = Validate };

    public async Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = FileOf(request);
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw MetricProviderException.Because(Name, request.KrId, $"no series file {file}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw MetricProviderException.Because(Name, request.KrId, $"cannot read {file}: {e.Message}", e);
        }

        try
        {
            return [.. CsvSeries.Parse(lines)
                .Where(r => r.At >= request.From && r.At <= request.To)
                .Select(r => new MetricSample(request.KrId, r.At, r.Value))];
        }
        catch (FormatException e)
        {
            throw MetricProviderException.Because(Name, request.KrId, $"{file} {e.Message}", e);
        }
    }

    private string FileOf(MetricRequest request)
    {
        var query = request.Metric.Query.Trim();
        var file = Path.GetFullPath(Path.Combine(folder, query));
        var inside = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return query.Length > 0 && file.StartsWith(inside, StringComparison.Ordinal)
            ? file
            : throw MetricProviderException.Because(Name, request.KrId, $"query '{query}' must name a file inside {folder}");
    }

    private static CsvMetricProvider Create(IServiceProvider services, MetricProviderOptions options)
    {
        var location = services.GetService<ConfigLocation>() ?? new ConfigLocation(Environment.CurrentDirectory);
        return new CsvMetricProvider(options.Name, location.Resolve(options.Path ?? "."));
    }

    private static IEnumerable<string> Validate(MetricProviderOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            yield return "Path: name the folder of the series files (relative to the config file)";
        }
    }
}
