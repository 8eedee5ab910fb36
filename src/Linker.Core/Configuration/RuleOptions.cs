namespace OkrLinker.Core.Configuration;

/// <summary>
/// A linking or BAU rule (DESIGN.md §7): an optional <see cref="Source"/>, then either a
/// <see cref="Label"/> or a <see cref="Field"/> (type, state, team, project, area, component, repo)
/// compared with <see cref="EqualsValue"/> or <see cref="StartsWith"/>. <see cref="Kr"/> only in <c>Rules</c>.
/// </summary>
public sealed class RuleOptions
{
    public string? Source { get; set; }

    public string? Label { get; set; }

    public string? Field { get; set; }

    [Microsoft.Extensions.Configuration.ConfigurationKeyName("Equals")]
    public string? EqualsValue { get; set; }

    public string? StartsWith { get; set; }

    public string? Kr { get; set; }
}
