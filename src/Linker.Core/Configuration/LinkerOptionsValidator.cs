using Microsoft.Extensions.Options;
using OkrLinker.Core.Figures;

namespace OkrLinker.Core.Configuration;

/// <summary>Checks the config at start; every failure names its key so it can be found in linker.json.</summary>
internal sealed class LinkerOptionsValidator : IValidateOptions<LinkerOptions>
{
    private static readonly string[] Formats = ["md", "json", "html", "csv"];
    private static readonly string[] Providers = ["Sqlite", "Postgres"];

    public ValidateOptionsResult Validate(string? name, LinkerOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Okrs.Path))
        {
            failures.Add("Okrs:Path: must name the okrs.yaml file");
        }

        if (!Providers.Contains(options.Store.Provider, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Store:Provider: '{options.Store.Provider}' is not one of {string.Join(", ", Providers)}");
        }

        if (string.IsNullOrWhiteSpace(options.Store.ConnectionString))
        {
            failures.Add("Store:ConnectionString: is empty");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                failures.Add($"Sources:{i}:Name: every source needs a name");
            }
            else if (!names.Add(source.Name))
            {
                failures.Add($"Sources:{i}:Name: '{source.Name}' is used by another source");
            }
            else if (source.Name.Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"Sources:{i}:Name: '{source.Name}' may not contain ':' (it prefixes Teams keys)");
            }

            if (string.IsNullOrWhiteSpace(source.Kind))
            {
                failures.Add($"Sources:{i}:Kind: say which connector reads it (jira, azure-devops, github, files)");
            }
        }

        if (options.Report.Week is { } week && !IsoWeek.TryParse(week, out _))
        {
            failures.Add($"Report:Week: '{week}' is not an ISO week such as 2026-W47");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.Report.TimeZone, out _))
        {
            failures.Add($"Report:TimeZone: '{options.Report.TimeZone}' is not a known time zone (an IANA id such as Europe/Berlin)");
        }

        foreach (var format in options.Report.Formats.Where(f => !Formats.Contains(f, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"Report:Formats: '{format}' is not one of {string.Join(", ", Formats)}");
        }

        var status = options.Report.Status;
        if (!(status.AtRisk is >= 0 and <= 1))
        {
            failures.Add(FormattableString.Invariant($"Report:Status:AtRisk: {status.AtRisk} is not a fraction from 0 to 1 (default 0.10)"));
        }

        if (!(status.OffTrack is >= 0 and <= 1) || status.OffTrack < status.AtRisk)
        {
            failures.Add(FormattableString.Invariant($"Report:Status:OffTrack: {status.OffTrack} must be a fraction from Report:Status:AtRisk ({status.AtRisk}) to 1 (default 0.25)"));
        }

        if (options.Report.Suggestions.MaxItems < 0)
        {
            failures.Add(FormattableString.Invariant($"Report:Suggestions:MaxItems: {options.Report.Suggestions.MaxItems} is negative (0 or more; default 10000)"));
        }

        if (string.IsNullOrWhiteSpace(options.Report.Output))
        {
            failures.Add("Report:Output: must name a folder");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
