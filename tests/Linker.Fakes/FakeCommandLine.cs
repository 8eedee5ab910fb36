using System.Globalization;

namespace OkrLinker.Fakes;

/// <summary>The arguments of the fakes' own executable.</summary>
internal sealed record FakeCommandLine(string Owner, IReadOnlyList<string> Repos, int Items, int Seed)
{
    public static FakeCommandLine? Parse(string[] args)
    {
        if (args is not ["github", ..])
        {
            return null;
        }

        var result = new FakeCommandLine("acme", ["web", "api"], 500, 1);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            result = args[i] switch
            {
                "--owner" => result with { Owner = args[i + 1] },
                "--repos" => result with { Repos = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--items" => result with { Items = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--seed" => result with { Seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                _ => null,
            };
            if (result is null)
            {
                return null;
            }
        }

        return result;
    }
}
