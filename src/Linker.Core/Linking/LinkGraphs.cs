namespace OkrLinker.Core.Linking;

/// <summary>
/// The graphs the linker built over the items it linked, kept on its result so the suggestions reuse them
/// instead of reading every title and body again. Indices are those of <see cref="LinkingResult.Items"/>.
/// </summary>
/// <param name="Parents">Null when <c>Linking:Inherit</c> is off (the linker built none).</param>
internal sealed record LinkGraphs(ParentGraph? Parents, ReferenceGraph References);
