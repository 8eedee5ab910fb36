namespace OkrLinker.Core.Linking;

/// <summary>
/// Takes an explanation's sentences one by one: as strings for <see cref="LinkExplanation.Why"/>, or straight into the
/// report's JSON writer, which then never makes a string of them (220,000 unlinked items at a million).
/// </summary>
internal interface ISentenceSink
{
    /// <param name="sentence">Valid only during the call: the text may sit in a buffer that the next sentence reuses.</param>
    void Add(ReadOnlySpan<char> sentence);

    /// <summary>A sentence that never changes, <see cref="UnlinkedWhy.Known"/>[<paramref name="known"/>]: a JSON writer has it encoded already.</summary>
    void AddKnown(int known);
}
