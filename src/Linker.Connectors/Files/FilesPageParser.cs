using System.Text;
using System.Text.Json;
using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.GitHub;
using OkrLinker.Connectors.Jira;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Files;

/// <summary>
/// Reads one saved file with the parser its format calls for. A saved file may hold a whole response
/// (a Jira search page, an ADO list, a GitHub list or search result), a single item, or a plain
/// array of items; Microsoft's example wrapper (<c>responses."200".body</c>) is unwrapped.
/// </summary>
internal sealed class FilesPageParser(SourceOptions options, FilesFormat format, TeamResolver teams)
{
    private static readonly JsonDocumentOptions Lenient = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private JiraFieldCatalog catalog = JiraFieldCatalog.Empty;

    /// <summary>Loads the Jira field catalogue (a <c>/rest/api/3/field</c> response) used for every page after.</summary>
    public JiraFieldCatalog UseCatalog(byte[] content)
    {
        using var document = JsonDocument.Parse(WithoutBom(content), Lenient);
        return catalog = JiraFieldCatalog.Parse(document.RootElement);
    }

    /// <summary>The rows of a CSV file as they are read, in constant memory.</summary>
    public IEnumerable<WorkItem> ReadCsv(Stream content, string fileName)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        foreach (var item in new CsvWorkItemParser(options, teams).Read(reader, fileName))
        {
            yield return item;
        }
    }

    public IReadOnlyList<WorkItem> Parse(byte[] content, string fileName)
    {
        if (format == FilesFormat.Csv)
        {
            return [.. ReadCsv(new MemoryStream(content), fileName)];
        }

        using var document = JsonDocument.Parse(WithoutBom(content), Lenient);
        var root = Unwrap(document.RootElement);
        return format switch
        {
            FilesFormat.Jira => Jira(root),
            FilesFormat.AzureDevOps => AzureDevOps(root),
            _ => GitHub(root),
        };
    }

    private List<WorkItem> Jira(JsonElement root)
    {
        var parser = new JiraIssueParser(options, teams, catalog);
        return root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().Select(parser.ParseIssue).OfType<WorkItem>().ToList(),
            _ when JsonRead.Obj(root, "fields") is not null => [.. Single(parser.ParseIssue(root))],
            _ => [.. parser.ParsePage(root).Items],
        };
    }

    private List<WorkItem> AzureDevOps(JsonElement root)
    {
        var parser = new AzureDevOpsWorkItemParser(options, teams);
        return root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().Select(parser.ParseItem).OfType<WorkItem>().ToList(),
            _ when JsonRead.Obj(root, "fields") is not null => [.. Single(parser.ParseItem(root))],
            _ => [.. parser.ParseList(root)],
        };
    }

    private List<WorkItem> GitHub(JsonElement root)
    {
        var parser = new GitHubIssueParser(options, teams);
        return JsonRead.Prop(root, "number") is not null
            ? [.. Single(parser.ParseIssue(root))]
            : [.. parser.ParsePage(root)];
    }

    private static IEnumerable<WorkItem> Single(WorkItem? item) => item is null ? [] : [item];

    private static JsonElement Unwrap(JsonElement root) =>
        JsonRead.Obj(JsonRead.Obj(JsonRead.Obj(root, "responses") ?? default, "200") ?? default, "body") ?? root;

    private static ReadOnlyMemory<byte> WithoutBom(byte[] content) =>
        content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? content.AsMemory(3) : content;
}
