namespace OkrLinker.Fakes.GitHub.Data;

/// <summary>GraphQL node ids: opaque strings with GitHub's type prefixes, unique per database id.</summary>
internal static class FakeNodeIds
{
    public static string For(bool pullRequest, long id) => pullRequest ? $"PR_kwDOFk{id}" : $"I_kwDOFk{id}";

    public static string ProjectItem(long itemId) => $"PVTI_lADOFk{itemId}";

    public static string Repo(long repoId) => $"R_kgDOFk{repoId}";

    public static string Owner(string login) => $"O_kgDOFk{login}";

    public static string Project(int number) => $"PVT_kwDOFk{number}";

    public static string Label(string name) => $"LA_kwDOFk{name}";
}
