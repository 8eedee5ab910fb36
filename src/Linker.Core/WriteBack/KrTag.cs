using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;

namespace OkrLinker.Core.WriteBack;

/// <summary>The tag write-back puts on an item for a KR (<c>WriteBack:TagFormat</c>), checked against <c>Linking:TagPatterns</c>.</summary>
public static class KrTag
{
    /// <summary>The tag for <paramref name="kr"/>: <c>kr:O1-KR1</c> with the default format.</summary>
    public static string For(WriteBackOptions options, string kr)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TagFormat.Replace(WriteBackOptions.KrPlaceholder, kr.Trim(), StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="linking"/>'s tag patterns read <paramref name="tag"/> as <paramref name="kr"/> (case-insensitively).</summary>
    /// <exception cref="LinkingConfigException">A tag pattern does not compile.</exception>
    public static bool ReadsBack(LinkingOptions linking, string tag, string kr) =>
        KrPatterns.Compile(linking).InLabel(tag).Any(m => string.Equals(m.Id, kr, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with <paramref name="options"/> given <paramref name="linking"/>; null when nothing.</summary>
    public static string? Problem(WriteBackOptions options, LinkingOptions linking)
    {
        ArgumentNullException.ThrowIfNull(options);
        var format = options.TagFormat ?? "";
        var placeholders = format.Split(WriteBackOptions.KrPlaceholder).Length - 1;
        if (placeholders != 1)
        {
            return $"WriteBack:TagFormat: '{format}' must hold {WriteBackOptions.KrPlaceholder} exactly once (e.g. kr:{WriteBackOptions.KrPlaceholder})";
        }

        const string sample = "O1-KR1";
        var tag = For(options, sample);
        if (tag.Trim() != tag || tag.Contains(';', StringComparison.Ordinal) || tag.Contains(',', StringComparison.Ordinal))
        {
            return $"WriteBack:TagFormat: '{format}' makes '{tag}'; a tag may not start or end with spaces nor hold ';' or ','";
        }

        try
        {
            return ReadsBack(linking, tag, sample)
                ? null
                : $"WriteBack:TagFormat: '{format}' makes '{tag}', which Linking:TagPatterns do not read as {sample}: an approved item would not link after the re-sync";
        }
        catch (LinkingConfigException)
        {
            return null; // the pattern's own error is reported under its key
        }
    }
}
