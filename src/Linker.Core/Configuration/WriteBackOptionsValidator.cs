using Microsoft.Extensions.Options;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Core.Configuration;

/// <summary>Checks <c>WriteBack:TagFormat</c> at start: the tag it makes must link back through <c>Linking:TagPatterns</c>.</summary>
internal sealed class WriteBackOptionsValidator : IValidateOptions<LinkerOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkerOptions options) =>
        KrTag.Problem(options.WriteBack, options.Linking) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
