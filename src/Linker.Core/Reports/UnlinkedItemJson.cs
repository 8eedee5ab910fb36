using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Core.Reports;

/// <summary>
/// One unlinked item's JSON, made as bytes: what <see cref="ReportJsonWriter"/> would write for it through
/// <see cref="Utf8JsonWriter"/>, from the newline before its <c>{</c> to its <c>}</c>, for the writer to take as a raw value.
/// The item's property names, newlines and indentation are copied from bytes made once; text that holds nothing to escape
/// is narrowed straight into the buffer; text that does, and numbers that are not finite, go through a
/// <see cref="Utf8JsonWriter"/> of their own with the same options (so they are escaped, or refused, as before). An item
/// of a shape this does not make (a null suggestion or list, an undefined <c>how</c>) is left to the writer
/// (<see cref="TryWrite"/> is false). At a million items this is 220,000 items and ~7 million values a report:
/// the <see cref="Utf8JsonWriter"/> calls were most of the serialization's time.
/// Used by one writing thread only.
/// </summary>
internal sealed class UnlinkedItemJson : ISentenceSink, IDisposable
{
    // Text made only of these is written by Utf8JsonWriter as it is (its escaping leaves them alone; ReportJsonWriterTests
    // hold every ASCII character to the serializer's bytes): letters, digits, space and the punctuation below.
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%()*,-./:;=?@[]^_{|}~");

    // The fixed sentences and the LinkHow names, quoted.
    private readonly byte[][] known;
    private readonly byte[][] howNames;
    private readonly ArrayBufferWriter<byte> scratchBytes = new(256);
    private readonly Utf8JsonWriter scratch;

    // Newline and indentation at each depth, then the fixed pieces: an item sits at depth 2 of the report.
    private readonly byte[] itemStart;
    private readonly byte[] key;
    private readonly byte[] title;
    private readonly byte[] url;
    private readonly byte[] team;
    private readonly byte[] type;
    private readonly byte[] state;
    private readonly byte[] points;
    private readonly byte[] link;
    private readonly byte[] how;
    private readonly byte[] from;
    private readonly byte[] krs;
    private readonly byte[] why;
    private readonly byte[] linkEnd;
    private readonly byte[] suggestions;
    private readonly byte[] suggestionStart;
    private readonly byte[] score;
    private readonly byte[] evidence;
    private readonly byte[] suggestionEnd;
    private readonly byte[] itemEnd;
    private readonly byte[][] newLines;

    private byte[] buffer = new byte[4096];
    private int length;
    private int depth;
    private bool first;

    public UnlinkedItemJson(JsonWriterOptions options, JsonEncodedText[] known, JsonEncodedText[] howNames)
    {
        this.known = [.. known.Select(Quoted)];
        this.howNames = [.. howNames.Select(Quoted)];
        scratch = new Utf8JsonWriter(scratchBytes, options);
        var newLine = options.NewLine;
        newLines = [.. Enumerable.Range(0, 8).Select(d => Utf8(newLine + new string(options.IndentCharacter, d * options.IndentSize)))];
        string Line(int depth) => Encoding.UTF8.GetString(newLines[depth]);
        string Name(string name) => "\"" + name + "\": ";
        itemStart = Utf8(Line(2) + "{" + Line(3) + Name("source"));
        key = Utf8("," + Line(3) + Name("key"));
        title = Utf8("," + Line(3) + Name("title"));
        url = Utf8("," + Line(3) + Name("url"));
        team = Utf8("," + Line(3) + Name("team"));
        type = Utf8("," + Line(3) + Name("type"));
        state = Utf8("," + Line(3) + Name("state"));
        points = Utf8("," + Line(3) + Name("points"));
        link = Utf8("," + Line(3) + Name("link"));
        how = Utf8("{" + Line(4) + Name("how"));
        from = Utf8("," + Line(4) + Name("from"));
        krs = Utf8("," + Line(4) + Name("krs"));
        why = Utf8("," + Line(4) + Name("why"));
        linkEnd = Utf8(Line(3) + "}");
        suggestions = Utf8("," + Line(3) + Name("suggestions"));
        suggestionStart = Utf8(Line(4) + "{" + Line(5) + Name("kr"));
        score = Utf8("," + Line(5) + Name("score"));
        evidence = Utf8("," + Line(5) + Name("evidence"));
        suggestionEnd = Utf8(Line(4) + "}");
        itemEnd = Utf8(Line(2) + "}");
    }

    public void Dispose() => scratch.Dispose();

    /// <summary>The bytes of the item last made by <see cref="TryWrite"/>.</summary>
    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

    /// <summary>Makes <paramref name="item"/>'s JSON into <see cref="Written"/>; false (and nothing usable made) for a shape it leaves to the writer.</summary>
    /// <param name="sentence">The scratch buffer the explanation's sentences are put together in.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryWrite(UnlinkedItem? item, SentenceText sentence)
    {
        if (item is null || !Writable(item))
        {
            return false;
        }

        length = 0;
        Raw(itemStart);
        String(item.Source);
        Raw(key);
        String(item.Key);
        Raw(title);
        String(item.Title);
        Raw(url);
        String(item.Url);
        Raw(team);
        String(item.Team);
        Raw(type);
        String(item.Type);
        Raw(state);
        String(item.State);
        Raw(points);
        if (item.Points is { } p)
        {
            Number(p);
        }
        else
        {
            Raw("null"u8);
        }

        Raw(link);
        if (item.Unworded is { } unworded)
        {
            // What Why.Explain() would give, worded here: how "unlinked", from null, no KRs.
            Raw(how);
            Raw(howNames[(int)LinkHow.Unlinked]);
            Raw(from);
            Raw("null"u8);
            Raw(krs);
            Raw("[]"u8);
            Raw(why);
            StartArray(5);
            unworded.WriteUnlinked(this, sentence);
            EndArray();
            Raw(linkEnd);
        }
        else if (item.Link is { } explanation)
        {
            Raw(how);
            Raw(howNames[(int)explanation.How]);
            Raw(from);
            String(explanation.From);
            Raw(krs);
            Strings(explanation.Krs, 5);
            Raw(why);
            Strings(explanation.Why, 5);
            Raw(linkEnd);
        }
        else
        {
            Raw("null"u8);
        }

        if (item.Suggestions is { } list)
        {
            // Objects holding arrays: written here rather than through StartArray, whose state the evidence lists use.
            Raw(suggestions);
            Raw("["u8);
            for (var k = 0; k < list.Count; k++)
            {
                var s = list[k];
                if (k > 0)
                {
                    Raw(","u8);
                }

                Raw(suggestionStart);
                String(s.Kr);
                Raw(score);
                Number(s.Score);
                Raw(evidence);
                Strings(s.Evidence, 6);
                Raw(suggestionEnd);
            }

            if (list.Count > 0)
            {
                Raw(newLines[3]);
            }

            Raw("]"u8);
        }

        Raw(itemEnd);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void ISentenceSink.Add(ReadOnlySpan<char> sentence)
    {
        Element();
        String(sentence);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void ISentenceSink.AddKnown(int known)
    {
        Element();
        Raw(this.known[known]);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Quoted(JsonEncodedText text) => [(byte)'"', .. text.EncodedUtf8Bytes, (byte)'"'];

    // The shapes made here; anything else (nulls where a list or a suggestion should be, an undefined how) the writer makes.
    private bool Writable(UnlinkedItem item)
    {
        if (item.Unworded is null && item.Link is { } explanation
            && ((uint)explanation.How >= (uint)howNames.Length || explanation.Krs is null || explanation.Why is null))
        {
            return false;
        }

        if (item.Suggestions is { } list)
        {
            for (var k = 0; k < list.Count; k++)
            {
                if (list[k] is not { Evidence: not null })
                {
                    return false;
                }
            }
        }

        return true;
    }

    // An array's first element follows its "[" on a new line; the next ones a comma first. Arrays here do not nest.
    private void StartArray(int elementDepth)
    {
        Raw("["u8);
        depth = elementDepth;
        first = true;
    }

    private void Element()
    {
        if (!first)
        {
            Raw(","u8);
        }

        first = false;
        Raw(newLines[depth]);
    }

    // Empty: "[]"; else the closing bracket on a line of its own, one level out.
    private void EndArray()
    {
        if (!first)
        {
            Raw(newLines[depth - 1]);
        }

        Raw("]"u8);
    }

    private void Strings(IReadOnlyList<string> texts, int elementDepth)
    {
        StartArray(elementDepth);
        for (var k = 0; k < texts.Count; k++)
        {
            Element();
            String(texts[k]);
        }

        EndArray();
    }

    private void String(string? text)
    {
        if (text is null)
        {
            Raw("null"u8);
        }
        else
        {
            String(text.AsSpan());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void String(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyExcept(Plain))
        {
            // Something to escape: as the writer escapes it.
            scratch.WriteStringValue(text);
            Scratch();
            return;
        }

        Room(text.Length + 2);
        buffer[length++] = (byte)'"';
        length += Encoding.ASCII.GetBytes(text, buffer.AsSpan(length));
        buffer[length++] = (byte)'"';
    }

    private void Number(double value)
    {
        if (!double.IsFinite(value))
        {
            // The writer refuses these: the same exception as before.
            scratch.WriteNumberValue(value);
            Scratch();
            return;
        }

        // As Utf8JsonWriter formats a double: the shortest text that reads back as the same number, invariant.
        Room(32);
        value.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
        length += written;
    }

    private void Scratch()
    {
        scratch.Flush();
        Raw(scratchBytes.WrittenSpan);
        scratchBytes.ResetWrittenCount();
        scratch.Reset(scratchBytes);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    private void Room(int more)
    {
        if (length + more > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
        }
    }
}
