using System.Globalization;
using System.Text;

namespace OkrLinker.Core.Linking;

/// <summary>
/// <see cref="LinkFacts"/> as the <c>work_items.LinkFacts</c> column holds them: the configuration's stamp, then, when
/// there is more to say than "names nothing, matches no rule", the rule and BAU indices, the counts and each text
/// length-prefixed (<c>3:abc</c>), so tracker text needs no escaping. The stamp alone is the common case.
/// </summary>
internal static class LinkFactsCodec
{
    private const char Separator = '|';

    public static string Encode(string stamp, LinkFacts facts)
    {
        if (facts.NamesNothing && facts.Rule < 0 && facts.Bau < 0)
        {
            return stamp;
        }

        var text = new StringBuilder(stamp)
            .Append(Separator).Append(facts.Rule.ToString(CultureInfo.InvariantCulture))
            .Append(Separator).Append(facts.Bau.ToString(CultureInfo.InvariantCulture))
            .Append(Separator).Append(facts.Mentions.Count.ToString(CultureInfo.InvariantCulture))
            .Append(Separator).Append(facts.References.Count.ToString(CultureInfo.InvariantCulture))
            .Append(Separator);
        foreach (var mention in facts.Mentions)
        {
            Text(text, mention.Id);
            Text(text, mention.Where);
            Text(text, mention.Matched);
        }

        foreach (var reference in facts.References)
        {
            Text(text, reference.Key);
            Text(text, reference.Where);
            Text(text, reference.Text);
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="stored"/> was written under <paramref name="stamp"/> (its facts can be read).</summary>
    public static bool HasStamp(ReadOnlySpan<char> stored, string stamp) =>
        stored.StartsWith(stamp, StringComparison.Ordinal) && (stored.Length == stamp.Length || stored[stamp.Length] == Separator);

    /// <summary>The facts of a value written under <paramref name="stamp"/>; null for another stamp or a value that does not read.</summary>
    /// <param name="plain">The shared instance of facts that name nothing, for a rule and BAU index pair.</param>
    public static LinkFacts? Decode(ReadOnlySpan<char> stored, string stamp, Func<int, int, LinkFacts> plain)
    {
        if (!HasStamp(stored, stamp))
        {
            return null;
        }

        if (stored.Length == stamp.Length)
        {
            return plain(-1, -1);
        }

        var rest = stored[(stamp.Length + 1)..];
        if (!Number(ref rest, out var rule) || !Number(ref rest, out var bau)
            || !Number(ref rest, out var mentionCount) || !Number(ref rest, out var referenceCount)
            || mentionCount < 0 || referenceCount < 0)
        {
            return null;
        }

        if (mentionCount == 0 && referenceCount == 0)
        {
            return rest.IsEmpty ? plain(rule, bau) : null;
        }

        var mentions = new KrMention[mentionCount];
        for (var i = 0; i < mentionCount; i++)
        {
            if (!Text(ref rest, out var id) || !Text(ref rest, out var where) || !Text(ref rest, out var matched))
            {
                return null;
            }

            mentions[i] = new KrMention(id, where, matched);
        }

        var references = new ItemReference[referenceCount];
        for (var i = 0; i < referenceCount; i++)
        {
            if (!Text(ref rest, out var key) || !Text(ref rest, out var where) || !Text(ref rest, out var matched))
            {
                return null;
            }

            references[i] = new ItemReference(key, where, matched);
        }

        return rest.IsEmpty ? new LinkFacts(mentions, references, rule, bau) : null;
    }

    private static void Text(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

    private static bool Number(ref ReadOnlySpan<char> rest, out int value)
    {
        var end = rest.IndexOf(Separator);
        value = 0;
        if (end < 0 || !int.TryParse(rest[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        rest = rest[(end + 1)..];
        return true;
    }

    private static bool Text(ref ReadOnlySpan<char> rest, out string value)
    {
        value = "";
        var colon = rest.IndexOf(':');
        if (colon < 0 || !int.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length > rest.Length - colon - 1)
        {
            return false;
        }

        value = new string(rest.Slice(colon + 1, length));
        rest = rest[(colon + 1 + length)..];
        return true;
    }
}
