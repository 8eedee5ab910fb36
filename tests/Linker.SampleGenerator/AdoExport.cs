using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OkrLinker.Samples;

internal static class AdoExport
{
    private const string Org = "https://dev.azure.com/acme";
    private const int BatchSize = 50;

    public static IEnumerable<string> Write(string folder, List<Item> items, Rng rng)
    {
        Json.Reset(folder);
        long id = 4652;
        foreach (var item in items.OrderBy(i => i.Created))
        {
            id += rng.Int(1, 4);
            item.Id = id;
            item.Key = id.ToString(CultureInfo.InvariantCulture);
        }

        var written = new List<string>();
        var batches = items.OrderBy(i => i.Id).Chunk(BatchSize).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            var body = new JsonObject
            {
                ["count"] = batches[b].Length,
                ["value"] = new JsonArray(batches[b].Select(i => (JsonNode?)WorkItem(i, rng)).ToArray()),
            };
            written.Add(Json.Write(Path.Combine(folder, $"workitemsbatch-{b + 1:000}.json"), body));
        }

        return written;
    }

    // Azure DevOps drops trailing zeros of the milliseconds (and the dot when there are none).
    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    private static JsonObject WorkItem(Item item, Rng rng)
    {
        var (state, reason) = State(item);
        var fields = new JsonObject
        {
            ["System.Id"] = item.Id,
            ["System.AreaPath"] = item.Scope,
            ["System.TeamProject"] = "Shop",
            ["System.IterationPath"] = Iteration(item),
            ["System.WorkItemType"] = item.Kind,
            ["System.State"] = state,
            ["System.Reason"] = reason,
        };
        if (item.Assignee is { } who && item.Plan != Plan.Removed)
        {
            fields["System.AssignedTo"] = Identity(who);
        }

        fields["System.CreatedDate"] = Time(item.Created);
        fields["System.CreatedBy"] = Identity(item.Author);
        fields["System.ChangedDate"] = Time(item.Updated);
        fields["System.ChangedBy"] = Identity(item.Assignee ?? item.Author);
        fields["System.CommentCount"] = rng.Int(0, 6);
        fields["System.Title"] = item.Title;
        if (item.Parent is { } parent)
        {
            fields["System.Parent"] = parent.Id;
        }

        fields["Microsoft.VSTS.Common.StateChangeDate"] = Time(item.Resolved ?? (item.Plan == Plan.InProgress ? ActivatedDate(item) : item.Created));
        if (item.Plan is Plan.InProgress or Plan.DoneInWeek or Plan.DoneEarlier)
        {
            fields["Microsoft.VSTS.Common.ActivatedDate"] = Time(ActivatedDate(item));
        }

        if (item.Resolved is { } done && item.Plan is Plan.DoneInWeek or Plan.DoneEarlier)
        {
            if (item.Kind != "Task")
            {
                // Closed items went through Resolved a little earlier, never across the week's start.
                var resolvedAt = item.StopsAtResolved ? done : done.AddMinutes(-rng.Int(30, 20 * 60));
                var floor = done >= Calendar.WeekStart ? Calendar.WeekStart : item.Created;
                if (resolvedAt <= floor)
                {
                    resolvedAt = floor + ((done - floor) / 2);
                }

                fields["Microsoft.VSTS.Common.ResolvedDate"] = Time(resolvedAt);
            }

            if (!item.StopsAtResolved)
            {
                fields["Microsoft.VSTS.Common.ClosedDate"] = Time(done);
            }
        }

        fields["Microsoft.VSTS.Common.Priority"] = item.Kind == "Bug" ? 1 : 2;
        if (item.Kind == "Bug")
        {
            fields["Microsoft.VSTS.Common.Severity"] = "3 - Medium";
        }

        if (item.Points is { } points)
        {
            fields["Microsoft.VSTS.Scheduling.StoryPoints"] = Json.JavaDouble(points);
        }

        if (item.Kind == "Task" && item.Plan is Plan.InProgress or Plan.ToDo)
        {
            fields["Microsoft.VSTS.Scheduling.RemainingWork"] = Json.JavaDouble(rng.Pick<double>([2, 4, 6, 8]));
        }

        if (item.KrField is { } kr)
        {
            fields["Custom.KeyResult"] = kr;
        }

        if (item.Labels.Count > 0)
        {
            fields["System.Tags"] = string.Join("; ", item.Labels.OrderBy(l => l, StringComparer.OrdinalIgnoreCase));
        }

        return new JsonObject
        {
            ["id"] = item.Id,
            ["rev"] = Revisions(item),
            ["fields"] = fields,
            ["url"] = $"{Org}/_apis/wit/workItems/{item.Id}",
        };
    }

    private static DateTime ActivatedDate(Item item)
    {
        var end = item.Resolved ?? item.Updated;
        return Calendar.Max(item.Created, end.AddDays(-Math.Min(6, Math.Max(0, (end - item.Created).TotalDays / 2))));
    }

    private static int Revisions(Item item) => item.Plan switch
    {
        Plan.ToDo => 1 + (int)(item.Id % 3),
        Plan.InProgress => 4 + (int)(item.Id % 7),
        Plan.Removed => 3 + (int)(item.Id % 3),
        _ => 6 + (int)(item.Id % 9),
    };

    private static (string State, string Reason) State(Item item) => item.Plan switch
    {
        Plan.ToDo => ("New", item.Kind == "Bug" ? "New defect reported" : "New"),
        Plan.InProgress => ("Active", item.Kind == "Bug" ? "Approved" : "Implementation started"),
        Plan.Removed => ("Removed", "Removed from the backlog"),
        _ when item.StopsAtResolved => ("Resolved", item.Kind == "Bug" ? "Fixed" : "Code complete and unit tests pass"),
        _ => ("Closed", item.Kind switch
        {
            "Bug" => "Verified",
            "Task" => "Completed",
            _ => "Acceptance tests pass",
        }),
    };

    // Two-week sprints; Sprint 23 runs Mon 2026-11-09 .. Sun 2026-11-22.
    private static string Iteration(Item item)
    {
        static int Sprint(DateTime t) => 1 + (int)((t - new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)).TotalDays / 14);
        return item.Plan switch
        {
            Plan.InProgress => @"Shop\Sprint 23",
            Plan.DoneInWeek or Plan.DoneEarlier when item.Kind is not ("Epic" or "Feature") => $@"Shop\Sprint {Sprint(item.Resolved!.Value)}",
            Plan.ToDo when item.Assignee is not null => @"Shop\Sprint 24",
            _ => "Shop",
        };
    }

    private static JsonObject Identity(Person who)
    {
        var descriptor = "aad." + Convert.ToBase64String(Encoding.UTF8.GetBytes(who.Guid)).TrimEnd('=');
        return new JsonObject
        {
            ["displayName"] = who.Name,
            ["url"] = $"https://spsprodweu5.vssps.visualstudio.com/A6e1f0c2b-7d3a-4f58-9b2e-1c4d5a6b7e8f/_apis/Identities/{who.Guid}",
            ["_links"] = new JsonObject { ["avatar"] = new JsonObject { ["href"] = $"{Org}/_apis/GraphProfile/MemberAvatars/{descriptor}" } },
            ["id"] = who.Guid,
            ["uniqueName"] = who.Email,
            ["imageUrl"] = $"{Org}/_apis/GraphProfile/MemberAvatars/{descriptor}",
            ["descriptor"] = descriptor,
        };
    }
}
