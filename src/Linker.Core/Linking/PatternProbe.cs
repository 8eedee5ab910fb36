using System.Text.RegularExpressions;

namespace OkrLinker.Core.Linking;

/// <summary>Whether any of the patterns matches a text at all, without allocating: the quick no for the million items that name nothing.</summary>
internal static class PatternProbe
{
    /// <returns>False only when no pattern matches; true on a match or a timeout (the caller's full match then decides, as it always has).</returns>
    public static bool AnyMatch(IReadOnlyList<Regex> patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            try
            {
                if (pattern.IsMatch(text))
                {
                    return true;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
