using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OkrLinker.Connectors.Metrics.Prometheus;

/// <summary>
/// Reads a Prometheus HTTP API answer (<c>{"status","data":{"resultType","result"},"errorType","error"}</c>) into
/// points, oldest first. A query must come down to one series: a vector or matrix of one, or a scalar.
/// </summary>
internal static class PrometheusAnswer
{
    /// <exception cref="InvalidDataException">Prometheus refused the query, or its answer holds no single series; the message says which in Prometheus's words.</exception>
    public static IReadOnlyList<(DateTimeOffset At, double Value)> Read(HttpStatusCode status, string body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new InvalidDataException($"Prometheus answered {(int)status} {status} without its JSON (is BaseUrl the Prometheus server?)");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "status") is not { } outcome)
            {
                throw new InvalidDataException($"Prometheus answered {(int)status} {status} with JSON that is not a query answer");
            }

            if (outcome != "success")
            {
                throw new InvalidDataException($"Prometheus answered {(int)status}: {Text(root, "errorType") ?? "error"}: {Text(root, "error") ?? "(no message)"}");
            }

            var data = root.GetProperty("data");
            var result = data.GetProperty("result");
            return Text(data, "resultType") switch
            {
                "scalar" => [Point(result)],
                "vector" => One(result, series => [Point(series.GetProperty("value"))]),
                "matrix" => One(result, series => [.. series.GetProperty("values").EnumerateArray().Select(Point)]),
                var other => throw new InvalidDataException($"the query returns a {other}, not a number"),
            };
        }
    }

    private static List<(DateTimeOffset, double)> One(JsonElement result, Func<JsonElement, List<(DateTimeOffset, double)>> points)
    {
        var series = result.EnumerateArray().ToList();
        if (series.Count > 1)
        {
            var labels = string.Join(", ", series.Take(3).Select(s => s.GetProperty("metric").GetRawText()));
            throw new InvalidDataException($"the query returns {series.Count} series ({labels}{(series.Count > 3 ? ", …" : "")}); aggregate it to one with sum, avg or max");
        }

        return series.Count == 0 ? [] : points(series[0]);
    }

    // [1727740800, "36.5"]: seconds since the epoch and the value as text, which may be NaN or ±Inf.
    private static (DateTimeOffset, double) Point(JsonElement pair)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(pair[0].GetDouble() * 1000));
        var text = pair[1].GetString() ?? "";
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (at, value)
            : throw new InvalidDataException($"'{text}' at {at:yyyy-MM-dd HH:mm:ss}Z is not a number");
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
