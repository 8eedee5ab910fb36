namespace OkrLinker.Connectors.Files;

/// <summary>
/// The cursor of a files source: <c>&lt;fingerprint&gt;|&lt;file name&gt;</c>, the fingerprint of the folder
/// as it was read and the last file committed. A cursor with another fingerprint means the folder changed.
/// </summary>
internal sealed record FilesCursor(string Fingerprint, string FileName)
{
    public override string ToString() => $"{Fingerprint}|{FileName}";

    public static FilesCursor? Parse(string? cursor)
    {
        var bar = cursor?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 ? new FilesCursor(cursor![..bar], cursor[(bar + 1)..]) : null;
    }
}
