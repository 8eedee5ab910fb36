using OkrLinker.Connectors.Parsing;

namespace OkrLinker.Connectors.Tests.Parsing;

public sealed class ItemBodyTests
{
    [Fact]
    public void Text_up_to_the_cap_is_kept_whole()
    {
        var text = new string('a', 65_536);

        Assert.Same(text, ItemBody.Cap(text));
        Assert.Null(ItemBody.Cap(null));
        Assert.Equal("", ItemBody.Cap(""));
    }

    [Fact]
    public void Text_past_the_cap_is_cut_there_but_never_inside_a_surrogate_pair()
    {
        Assert.Equal(new string('a', 65_536), ItemBody.Cap(new string('a', 65_537)));

        // "😄" is two chars; the pair would straddle the cap, so it goes whole and the text ends one char early.
        var straddling = new string('a', 65_535) + "😄" + "tail";
        Assert.Equal(new string('a', 65_535), ItemBody.Cap(straddling));
    }
}
