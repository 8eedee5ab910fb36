using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OkrLinker.Core.Reports;

/// <summary>
/// What the HTML report does to values before they reach the page: every text from the report is
/// encoded (it came from a tracker or a config someone else wrote), numbers are invariant.
/// </summary>
public static class HtmlText
{
    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // HtmlEncoder.Default also turns every non-ASCII letter into a numeric reference ("Zürich" →
    // "Z&#xFC;rich"); allowing all ranges keeps names readable in the file. The markup characters
    // (< > & " ' +) and control or unassigned code points are encoded either way.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text for element content and for quoted attribute values alike (quotes are encoded too).</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    /// <summary>The link target when it is an absolute http or https address, else null (shown as text, never linked).</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url!.Trim()
            : null;

    public static string Pct(double share) => (share * 100).ToString("0.#", Inv) + "%";

    public static string Num(double value) => value.ToString("0.##", Inv);

    /// <summary>An SVG coordinate: two places are finer than a pixel.</summary>
    public static string Coord(double value) => value.ToString("0.##", Inv);

    public static string Value(double? value, string? unit) =>
        value is { } v ? Num(v) + (string.IsNullOrEmpty(unit) ? "" : unit.Length <= 2 ? unit : " " + unit) : "–";

    /// <summary>A moment as the report's own clock shows it; the offset is named unless it is UTC.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToString("yyyy-MM-dd HH:mm", Inv) + (at.Offset == TimeSpan.Zero ? " UTC" : " UTC" + at.ToString("zzz", Inv));

    /// <summary>Long names would run off an SVG label column (SVG text does not wrap); the full name goes in a title.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }

        return text[..cut] + "…";
    }
}
