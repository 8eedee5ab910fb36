using System.Runtime.CompilerServices;

namespace OkrLinker.Samples;

/// <summary>
/// Writes the sample tracker exports under config/samples/{jira,azure-devops,github}/: the story of
/// Acme's shop in 2026-Q4, seen in ISO week 2026-W47, in the shapes the real vendor APIs answer with.
/// Deterministic: a fixed seed and a home-made PRNG, so the output never changes between .NET versions.
/// Run from anywhere in the repository: <c>dotnet run --project tests/Linker.SampleGenerator</c>; an
/// argument names another samples folder. Only those three folders are rewritten; the rest of
/// config/samples (metrics/, README.md) is left alone.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var root = args.Length > 0 ? Path.GetFullPath(args[0]) : SamplesFolder();
        var story = new Story(new Rng(20261122));
        story.Build();

        var written = new List<string>();
        written.AddRange(JiraExport.Write(Path.Combine(root, "jira"), story.Items.Where(i => i.Source == Src.Jira).ToList(), story.Rng));
        written.AddRange(AdoExport.Write(Path.Combine(root, "azure-devops"), story.Items.Where(i => i.Source == Src.Ado).ToList(), story.Rng));
        written.AddRange(GitHubExport.Write(Path.Combine(root, "github"), story.Items.Where(i => i.Source == Src.GitHub).ToList(), story.Rng));

        foreach (var group in story.Items.GroupBy(i => i.Source))
        {
            Console.WriteLine($"{group.Key,-7} {group.Count(),4} items");
        }

        Console.WriteLine($"wrote {written.Count} files under {root}");
        return 0;
    }

    // config/samples of the repository this project sits in, whatever the working directory is.
    private static string SamplesFolder([CallerFilePath] string sourcePath = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourcePath), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OkrLinker.sln")))
                {
                    return Path.Combine(dir.FullName, "config", "samples");
                }
            }
        }

        throw new InvalidOperationException("No OkrLinker.sln above this project or the working directory; name the samples folder as the first argument.");
    }
}
