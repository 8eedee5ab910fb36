using System.Globalization;

namespace OkrLinker.Connectors.Files;

/// <summary>
/// The cursor of a files source: <c>&lt;fingerprint&gt;.&lt;stamp&gt;|&lt;file name&gt;</c> once a whole file is committed,
/// <c>&lt;fingerprint&gt;.&lt;stamp&gt;:&lt;rows&gt;|&lt;file name&gt;</c> while a large CSV file is committed a page of
/// rows at a time (its first <c>rows</c> records are in). The fingerprint is of the folder's content as it was
/// read; a cursor with another fingerprint means the folder changed. The stamp is of the files' names, sizes and
/// modification times when they were hashed: while it is the same, the content is taken as unchanged without
/// hashing it again (cursors written before the stamp have none, and are hashed). The row count and the stamp
/// sit beside the hex fingerprint, so any file name (even one with a bar) reads back unchanged.
/// </summary>
internal sealed record FilesCursor(string Fingerprint, string FileName, long? Rows = null, string? Stamp = null)
{
    public override string ToString()
    {
        var head = Stamp is null ? Fingerprint : $"{Fingerprint}.{Stamp}";
        return Rows is { } rows
            ? string.Create(CultureInfo.InvariantCulture, $"{head}:{rows}|{FileName}")
            : $"{head}|{FileName}";
    }

    public static FilesCursor? Parse(string? cursor)
    {
        var bar = cursor?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar <= 0)
        {
            return null;
        }

        var head = cursor![..bar];
        long? rows = null;
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (!long.TryParse(head[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            rows = count;
            head = head[..colon];
        }

        var dot = head.IndexOf('.', StringComparison.Ordinal);
        return dot < 0
            ? new FilesCursor(head, cursor[(bar + 1)..], rows)
            : new FilesCursor(head[..dot], cursor[(bar + 1)..], rows, head[(dot + 1)..]);
    }
}
