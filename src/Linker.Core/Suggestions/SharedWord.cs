namespace OkrLinker.Core.Suggestions;

/// <summary>A word an item shares with a KR's profile.</summary>
/// <param name="Surface">As the item spells it (<c>3DS</c>).</param>
/// <param name="Items">How many of the KR's items have it in their titles.</param>
/// <param name="InKrTitle">Whether the KR's own title has it.</param>
/// <param name="InItemTitle">Whether the item's title has it (else only its body).</param>
/// <param name="Contribution">Its share of the cosine's numerator, to order the words.</param>
internal readonly record struct SharedWord(string Surface, int Items, bool InKrTitle, bool InItemTitle, double Contribution);
