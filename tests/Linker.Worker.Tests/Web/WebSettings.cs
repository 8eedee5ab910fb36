namespace OkrLinker.Worker.Tests.Web;

/// <summary>The in-memory configuration the web tests give AddLinkerCore, built up key by key.</summary>
public sealed class WebSettings
{
    private readonly Dictionary<string, string?> values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Okrs:Path"] = "okrs.yaml",
        ["Store:Provider"] = "Sqlite",
        ["Store:ConnectionString"] = "Data Source=../data/okrlinker.db",
        ["Report:TimeZone"] = "UTC",
        ["Report:Output"] = "../out",
        // Retries kept short: the scripted server's 503 needs one quick retry, not a second.
        ["Http:BaseDelay"] = "00:00:00.010",
        ["Http:MaxDelay"] = "00:00:00.200",
    };

    private int sources;

    public IReadOnlyDictionary<string, string?> Values => values;

    /// <summary>A <c>files</c> source of CSV files under <paramref name="path"/> (relative to the config folder).</summary>
    public WebSettings WithCsvSource(string name, string path, string? schedule = null)
    {
        var prefix = $"Sources:{sources++}:";
        values[prefix + "Name"] = name;
        values[prefix + "Kind"] = "files";
        values[prefix + "Format"] = "csv";
        values[prefix + "Path"] = path;
        if (schedule is not null)
        {
            values[prefix + "Schedule"] = schedule;
        }

        return this;
    }

    /// <summary>A source that is configured but never synced by the test (its HTTP traffic is driven by hand).</summary>
    public WebSettings WithSource(string name, string kind, string baseUrl)
    {
        var prefix = $"Sources:{sources++}:";
        values[prefix + "Name"] = name;
        values[prefix + "Kind"] = kind;
        values[prefix + "BaseUrl"] = baseUrl;
        return this;
    }

    /// <summary>Any other key, such as <c>Report:Week</c> or <c>Linking:Bau:0:Field</c>.</summary>
    public WebSettings With(string key, string? value)
    {
        values[key] = value;
        return this;
    }

    public WebSettings WithApiKey(string key)
    {
        values["Web:ApiKey"] = key;
        return this;
    }

    public WebSettings WithConnectionString(string connectionString)
    {
        values["Store:ConnectionString"] = connectionString;
        return this;
    }
}
