namespace OkrLinker.Core.Linking;

public enum LinkReason
{
    Explicit,
    Inherited,
    Rule,
}
