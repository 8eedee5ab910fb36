using System.Text.Json;

namespace OkrLinker.Connectors.Tests.Support;

/// <summary>
/// The vendor payloads in <c>../shared/conformance</c>, found by walking up from the test assembly to
/// the folder with <c>OkrLinker.sln</c>. A missing folder fails the test: parsers are never left untested.
/// </summary>
internal static class Conformance
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Folder => Root.Value;

    public static string PathOf(string relative)
    {
        var path = Path.Combine(Folder, relative);
        Assert.True(File.Exists(path), $"Conformance file '{path}' is missing.");
        return path;
    }

    public static JsonDocument Load(string relative) => JsonDocument.Parse(File.ReadAllBytes(PathOf(relative)));

    /// <summary>An Azure DevOps example's response body (Microsoft wraps it in <c>responses."200".body</c>).</summary>
    public static JsonElement AdoBody(JsonDocument example) =>
        example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");

    /// <summary>The <c>Link</c> header of a recorded <c>.headers.txt</c> file, or null when it has none.</summary>
    public static string? LinkHeader(string relative) =>
        File.ReadAllLines(PathOf(relative))
            .Where(line => line.StartsWith("Link:", StringComparison.OrdinalIgnoreCase))
            .Select(line => line["Link:".Length..].Trim())
            .FirstOrDefault();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OkrLinker.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
                Assert.True(
                    Directory.Exists(shared),
                    $"The conformance payloads are missing: expected '{shared}' (../shared/conformance beside the clone).");
                return shared;
            }
        }

        Assert.Fail($"No OkrLinker.sln above '{AppContext.BaseDirectory}'; cannot find ../shared/conformance.");
        return "";
    }
}
