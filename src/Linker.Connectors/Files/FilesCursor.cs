using System.Globalization;

namespace OkrLinker.Connectors.Files;

/// <summary>
/// The cursor of a files source: <c>&lt;fingerprint&gt;|&lt;file name&gt;</c> once a whole file is committed,
/// <c>&lt;fingerprint&gt;:&lt;rows&gt;|&lt;file name&gt;</c> while a large CSV file is committed a page of
/// rows at a time (its first <c>rows</c> records are in). The fingerprint is of the folder as it was
/// read; a cursor with another fingerprint means the folder changed. The row count sits beside the
/// hex fingerprint, so any file name (even one with a bar) reads back unchanged.
/// </summary>
internal sealed record FilesCursor(string Fingerprint, string FileName, long? Rows = null)
{
    public override string ToString() => Rows is { } rows
        ? string.Create(CultureInfo.InvariantCulture, $"{Fingerprint}:{rows}|{FileName}")
        : $"{Fingerprint}|{FileName}";

    public static FilesCursor? Parse(string? cursor)
    {
        var bar = cursor?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (bar <= 0)
        {
            return null;
        }

        var head = cursor![..bar];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new FilesCursor(head, cursor[(bar + 1)..]);
        }

        return long.TryParse(head[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            ? new FilesCursor(head[..colon], cursor[(bar + 1)..], rows)
            : null;
    }
}
