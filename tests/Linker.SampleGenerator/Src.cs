namespace OkrLinker.Samples;

internal enum Src
{
    Jira,
    Ado,
    GitHub,
}
