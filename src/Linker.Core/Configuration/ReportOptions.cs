namespace OkrLinker.Core.Configuration;

public sealed class ReportOptions
{
    /// <summary>Pin the report to an ISO week (<c>2026-W47</c>). Production leaves it null: the current week.</summary>
    public string? Week { get; set; }

    /// <summary>IANA time zone that bounds the ISO weeks. Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Folder the report files go to, relative to the config file.</summary>
    public string Output { get; set; } = "../out";

    public List<string> Formats { get; set; } = ["md", "json"];

    /// <summary>Quartz cron for the weekly report, read in <see cref="TimeZone"/>. Default Monday 08:00.</summary>
    public string Schedule { get; set; } = "0 0 8 ? * MON";

    /// <summary>The thresholds of a KR's status: on track, at risk, off track.</summary>
    public StatusOptions Status { get; set; } = new();

    /// <summary>The KRs suggested for the unlinked items (<c>unlinkedItems[].suggestions</c>).</summary>
    public SuggestionOptions Suggestions { get; set; } = new();

    /// <summary>Where the weekly report is delivered by <c>run</c>; the files are always written.</summary>
    public List<DeliveryOptions> Deliver { get; set; } = [];
}
