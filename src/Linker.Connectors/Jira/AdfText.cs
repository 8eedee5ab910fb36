using System.Text.Json;
using OkrLinker.Connectors.Parsing;

namespace OkrLinker.Connectors.Jira;

/// <summary>
/// The plain text of a Jira Cloud rich-text field in Atlassian Document Format (the v3 API's <c>description</c>):
/// text nodes as written, each block (paragraph, heading, list item, code block, table cell, …) on lines of its own,
/// hardBreak a new line; what else may name another item is kept as text: the URL of an <c>inlineCard</c>,
/// <c>blockCard</c> or <c>embedCard</c> (a pasted link to an issue or pull request), a link mark's URL after its text
/// when the two differ, and a <c>mention</c>'s, <c>status</c>'s or <c>emoji</c>'s text. A string (Data Center's
/// wiki markup, older Cloud payloads) is kept as it is. Capped at <see cref="ItemBody.MaxLength"/>.
/// </summary>
internal static class AdfText
{
    /// <summary>The description as plain text; null when it is absent, null or holds no text.</summary>
    public static string? Of(JsonElement? description)
    {
        switch (description)
        {
            case { ValueKind: JsonValueKind.String } text:
                return string.IsNullOrWhiteSpace(text.GetString()) ? null : ItemBody.Cap(text.GetString());
            case { ValueKind: JsonValueKind.Object } doc:
                var writer = new PlainTextWriter();
                Write(doc, writer);
                return writer.Finish();
            default:
                return null;
        }
    }

    private static void Write(JsonElement node, PlainTextWriter writer)
    {
        if (writer.Full || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var attrs = JsonRead.Obj(node, "attrs") ?? default;
        switch (JsonRead.Str(node, "type"))
        {
            case "text":
                var text = JsonRead.Str(node, "text");
                writer.Append(text);
                if (LinkOf(node) is { } href && !string.Equals(href, text, StringComparison.Ordinal))
                {
                    writer.Append($" ({href})");
                }

                return;
            case "hardBreak":
                writer.Break();
                return;
            case "mention" or "status" or "emoji":
                writer.Append(JsonRead.Str(attrs, "text"));
                return;
            case "inlineCard":
                writer.Append(JsonRead.Str(attrs, "url"));
                return;
            case "blockCard" or "embedCard":
                writer.EndLine();
                writer.Append(JsonRead.Str(attrs, "url"));
                writer.EndLine();
                return;
            case "date" or "placeholder" or "mediaInline":
                return;
            default:
                // doc, paragraph, heading, lists, codeBlock, blockquote, panel, table parts, expand, layouts, and
                // node types added after this was written: a block of its children.
                writer.EndLine();
                foreach (var child in JsonRead.Items(node, "content"))
                {
                    Write(child, writer);
                }

                writer.EndLine();
                return;
        }
    }

    private static string? LinkOf(JsonElement textNode) =>
        JsonRead.Items(textNode, "marks")
            .Where(mark => JsonRead.Str(mark, "type") == "link")
            .Select(mark => JsonRead.Str(JsonRead.Obj(mark, "attrs") ?? default, "href"))
            .FirstOrDefault(href => !string.IsNullOrWhiteSpace(href));
}
