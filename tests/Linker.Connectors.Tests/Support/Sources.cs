using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Tests.Support;

/// <summary>Source settings and team maps for parser tests.</summary>
internal static class Sources
{
    public static SourceOptions Options(string name, string kind = "files", string? baseUrl = null) =>
        new() { Name = name, Kind = kind, BaseUrl = baseUrl };

    public static TeamResolver Teams(params (string Key, string Team)[] entries) =>
        new(entries.ToDictionary(entry => entry.Key, entry => entry.Team, StringComparer.OrdinalIgnoreCase));

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int millisecond = 0) =>
        new(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
}
