namespace OkrLinker.Fakes.GitHub.Data;

/// <summary>Stable label ids, colours and descriptions derived from the label name.</summary>
internal static class FakeLabels
{
    private static readonly string[] Colors = ["d73a4a", "0075ca", "a2eeef", "7057ff", "008672", "e4e669", "d876e3", "cfd3d7"];

    public static long IdOf(string name) => 200_000_000L + (Hash(name) % 100_000_000L);

    public static string ColorOf(string name) => name switch
    {
        "bug" => "d73a4a",
        "support" => "0e8a16",
        _ => Colors[Hash(name) % Colors.Length],
    };

    public static string? DescriptionOf(string name) => name switch
    {
        "bug" => "Something isn't working",
        "support" => "Run work (BAU)",
        _ when name.StartsWith("kr:", StringComparison.Ordinal) => $"Serves key result {name[3..]}",
        _ => null,
    };

    public static bool IsDefault(string name) => name == "bug";

    // FNV-1a: string.GetHashCode is randomized per process, and ids must be stable across runs.
    private static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
