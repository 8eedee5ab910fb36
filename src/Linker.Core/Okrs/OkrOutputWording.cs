using System.Text.RegularExpressions;

namespace OkrLinker.Core.Okrs;

/// <summary>
/// Spots a KR worded as a task: a delivery verb and no number. The verbs match as word starts, so
/// "launched", "shipping" and "migration" count while "relationship" does not.
/// </summary>
internal static partial class OkrOutputWording
{
    /// <summary>The delivery word of a title that has no number, or null when the title reads as an outcome.</summary>
    public static string? DeliveryWord(string title) =>
        Digit().IsMatch(title) ? null : DeliveryVerb().Match(title) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b(?:launch|ship|release|build|deliver|complet|implement|migrat)\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryVerb();

    [GeneratedRegex("[0-9]")]
    private static partial Regex Digit();
}
