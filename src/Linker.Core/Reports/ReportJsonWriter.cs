using System.Runtime.CompilerServices;
using System.Text.Json;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Writes a report's JSON by hand, byte for byte what <see cref="JsonSerializer"/> writes with <see cref="ReportJson.Options"/>
/// (the same <see cref="Utf8JsonWriter"/> settings, the same properties in the same order, nulls written, enums by
/// camelCase name, <c>suggestions</c> left out when null), without the serializer's reflection walk over 220,000 items
/// and with each unlinked item's explanation worded straight into the writer from its compact form.
/// SerializedReportTests and ReportJsonWriterTests hold it to the serializer's bytes.
/// </summary>
internal sealed class ReportJsonWriter : ISentenceSink, IDisposable
{
    // The writer hands its bytes on once this many are pending: small enough to stay off the large object heap.
    private const int FlushAt = 32 * 1024;

    private static readonly JsonEncodedText SchemaVersion = Name("schemaVersion");
    private static readonly JsonEncodedText Week = Name("week");
    private static readonly JsonEncodedText From = Name("from");
    private static readonly JsonEncodedText To = Name("to");
    private static readonly JsonEncodedText GeneratedAt = Name("generatedAt");
    private static readonly JsonEncodedText Period = Name("period");
    private static readonly JsonEncodedText TotalsName = Name("totals");
    private static readonly JsonEncodedText Teams = Name("teams");
    private static readonly JsonEncodedText Objectives = Name("objectives");
    private static readonly JsonEncodedText UnlinkedItems = Name("unlinkedItems");
    private static readonly JsonEncodedText Findings = Name("findings");
    private static readonly JsonEncodedText Trend = Name("trend");
    private static readonly JsonEncodedText Items = Name("items");
    private static readonly JsonEncodedText Linked = Name("linked");
    private static readonly JsonEncodedText Bau = Name("bau");
    private static readonly JsonEncodedText Unlinked = Name("unlinked");
    private static readonly JsonEncodedText UnlinkedShare = Name("unlinkedShare");
    private static readonly JsonEncodedText Points = Name("points");
    private static readonly JsonEncodedText Total = Name("total");
    private static readonly JsonEncodedText Team = Name("team");
    private static readonly JsonEncodedText Id = Name("id");
    private static readonly JsonEncodedText Title = Name("title");
    private static readonly JsonEncodedText KeyResults = Name("keyResults");
    private static readonly JsonEncodedText Baseline = Name("baseline");
    private static readonly JsonEncodedText Target = Name("target");
    private static readonly JsonEncodedText Current = Name("current");
    private static readonly JsonEncodedText Progress = Name("progress");
    private static readonly JsonEncodedText Expected = Name("expected");
    private static readonly JsonEncodedText Status = Name("status");
    private static readonly JsonEncodedText BaselineSourceName = Name("baselineSource");
    private static readonly JsonEncodedText Samples = Name("samples");
    private static readonly JsonEncodedText Unit = Name("unit");
    private static readonly JsonEncodedText LastActivity = Name("lastActivity");
    private static readonly JsonEncodedText Flags = Name("flags");
    private static readonly JsonEncodedText StaleReason = Name("staleReason");
    private static readonly JsonEncodedText Provider = Name("provider");
    private static readonly JsonEncodedText Query = Name("query");
    private static readonly JsonEncodedText At = Name("at");
    private static readonly JsonEncodedText Value = Name("value");
    private static readonly JsonEncodedText CapturedAt = Name("capturedAt");
    private static readonly JsonEncodedText Todo = Name("todo");
    private static readonly JsonEncodedText InProgress = Name("inProgress");
    private static readonly JsonEncodedText Done = Name("done");
    private static readonly JsonEncodedText Source = Name("source");
    private static readonly JsonEncodedText Key = Name("key");
    private static readonly JsonEncodedText Url = Name("url");
    private static readonly JsonEncodedText Type = Name("type");
    private static readonly JsonEncodedText State = Name("state");
    private static readonly JsonEncodedText Link = Name("link");
    private static readonly JsonEncodedText Suggestions = Name("suggestions");
    private static readonly JsonEncodedText How = Name("how");
    private static readonly JsonEncodedText Krs = Name("krs");
    private static readonly JsonEncodedText Why = Name("why");
    private static readonly JsonEncodedText Kr = Name("kr");
    private static readonly JsonEncodedText Score = Name("score");
    private static readonly JsonEncodedText Evidence = Name("evidence");
    private static readonly JsonEncodedText Rule = Name("rule");
    private static readonly JsonEncodedText Severity = Name("severity");
    private static readonly JsonEncodedText Subject = Name("subject");
    private static readonly JsonEncodedText Message = Name("message");
    private static readonly JsonEncodedText Reconstructed = Name("reconstructed");

    // LinkHow by camelCase name, as JsonStringEnumConverter(JsonNamingPolicy.CamelCase) writes it.
    private static readonly JsonEncodedText[] HowNames =
        [.. Enum.GetValues<LinkHow>().Select(h => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(h.ToString())))];

    private readonly Utf8JsonWriter json;
    private readonly SentenceText sentence = new();
    private readonly JsonEncodedText[] known;
    private readonly JsonWriterOptions writerOptions;

    private ReportJsonWriter(Stream output, JsonSerializerOptions options)
    {
        known = [.. UnlinkedWhy.Known.Select(k => JsonEncodedText.Encode(k, options.Encoder))];
        // The options JsonSerializer gives its own writer.
        writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
            SkipValidation = true,
        };
        json = new Utf8JsonWriter(output, writerOptions);
    }

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> as JSON in <paramref name="options"/> (camelCase web defaults).</summary>
    public static void Write(Stream output, WeeklyReport report, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new ReportJsonWriter(output, options);
        writer.Report(report);
        writer.json.Flush();
    }

    public void Dispose() => json.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void ISentenceSink.Add(ReadOnlySpan<char> sentence) => json.WriteStringValue(sentence);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void ISentenceSink.AddKnown(int known) => json.WriteStringValue(this.known[known]);

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name);

    private void Report(WeeklyReport r)
    {
        json.WriteStartObject();
        json.WriteNumber(SchemaVersion, r.SchemaVersion);
        json.WriteString(Week, r.Week);
        json.WriteString(From, r.From);
        json.WriteString(To, r.To);
        json.WriteString(GeneratedAt, r.GeneratedAt);
        json.WriteString(Period, r.Period);
        json.WritePropertyName(TotalsName);
        Totals(r.Totals);
        json.WritePropertyName(Teams);
        List(r.Teams, TeamFigures);
        json.WritePropertyName(Objectives);
        List(r.Objectives, Objective);
        json.WritePropertyName(UnlinkedItems);
        UnlinkedItemList(r.UnlinkedItems);
        json.WritePropertyName(Findings);
        List(r.Findings, Finding);
        json.WritePropertyName(Trend);
        List(r.Trend, TrendPoint);
        json.WriteEndObject();
    }

    private void List<T>(IReadOnlyList<T>? items, Action<T> write)
    {
        if (items is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartArray();
        for (var k = 0; k < items.Count; k++)
        {
            write(items[k]);
            if (json.BytesPending >= FlushAt)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }

    // Each item's evidence: hundreds of thousands of calls (no enumerator to allocate for each).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Strings(IReadOnlyList<string>? texts)
    {
        if (texts is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartArray();
        for (var k = 0; k < texts.Count; k++)
        {
            json.WriteStringValue(texts[k]);
        }

        json.WriteEndArray();
    }

    private void Number(double? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private void Time(DateTimeOffset? at)
    {
        if (at is { } t)
        {
            json.WriteStringValue(t);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private bool Null(object? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
            return true;
        }

        return false;
    }

    private void Totals(Totals? t)
    {
        if (Null(t))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteNumber(Items, t!.Items);
        json.WriteNumber(Linked, t.Linked);
        json.WriteNumber(Bau, t.Bau);
        json.WriteNumber(Unlinked, t.Unlinked);
        json.WriteNumber(UnlinkedShare, t.UnlinkedShare);
        json.WritePropertyName(Points);
        PointTotals(t.Points);
        json.WriteEndObject();
    }

    private void PointTotals(PointTotals? p)
    {
        if (Null(p))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteNumber(Total, p!.Total);
        json.WriteNumber(Linked, p.Linked);
        json.WriteNumber(Bau, p.Bau);
        json.WriteNumber(Unlinked, p.Unlinked);
        json.WriteNumber(UnlinkedShare, p.UnlinkedShare);
        json.WriteEndObject();
    }

    private void TeamFigures(TeamFigures? t)
    {
        if (Null(t))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Team, t!.Team);
        json.WriteNumber(Items, t.Items);
        json.WriteNumber(Linked, t.Linked);
        json.WriteNumber(Bau, t.Bau);
        json.WriteNumber(Unlinked, t.Unlinked);
        json.WriteNumber(UnlinkedShare, t.UnlinkedShare);
        json.WritePropertyName(Points);
        PointTotals(t.Points);
        json.WriteEndObject();
    }

    private void Objective(ObjectiveReport? o)
    {
        if (Null(o))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Id, o!.Id);
        json.WriteString(Title, o.Title);
        json.WritePropertyName(KeyResults);
        List(o.KeyResults, KeyResult);
        json.WriteEndObject();
    }

    private void KeyResult(KeyResultReport? kr)
    {
        if (Null(kr))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Id, kr!.Id);
        json.WriteString(Title, kr.Title);
        json.WritePropertyName(Baseline);
        Number(kr.Baseline);
        json.WriteNumber(Target, kr.Target);
        json.WritePropertyName(Current);
        Number(kr.Current);
        json.WritePropertyName(Progress);
        Number(kr.Progress);
        json.WriteNumber(Expected, kr.Expected);
        json.WriteString(Status, kr.Status);
        json.WritePropertyName(BaselineSourceName);
        BaselineSource(kr.BaselineSource);
        json.WritePropertyName(Samples);
        List(kr.Samples, MetricPoint);
        json.WriteString(Unit, kr.Unit);
        json.WritePropertyName(Items);
        ItemCounts(kr.Items);
        json.WriteNumber(Points, kr.Points);
        json.WritePropertyName(LastActivity);
        Time(kr.LastActivity);
        json.WritePropertyName(Teams);
        Strings(kr.Teams);
        json.WritePropertyName(Flags);
        Strings(kr.Flags);
        json.WriteString(StaleReason, kr.StaleReason);
        json.WriteEndObject();
    }

    private void BaselineSource(BaselineSource? b)
    {
        if (Null(b))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Provider, b!.Provider);
        json.WriteString(Query, b.Query);
        json.WriteString(At, b.At);
        json.WriteNumber(Value, b.Value);
        json.WritePropertyName(CapturedAt);
        Time(b.CapturedAt);
        json.WriteEndObject();
    }

    private void MetricPoint(MetricPoint? p)
    {
        if (Null(p))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(At, p!.At);
        json.WriteNumber(Value, p.Value);
        json.WriteEndObject();
    }

    private void ItemCounts(KrItemCounts? c)
    {
        if (Null(c))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteNumber(Total, c!.Total);
        json.WriteNumber(Todo, c.Todo);
        json.WriteNumber(InProgress, c.InProgress);
        json.WriteNumber(Done, c.Done);
        json.WriteEndObject();
    }

    // The unlinked items are nearly all of the JSON (141 MB at a million items). These methods are compiled fully
    // optimized from their first call rather than tiered: the report is serialized once, in a process that lives a few
    // seconds, and the profile showed most items written by first-tier code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UnlinkedItemList(IReadOnlyList<UnlinkedItem>? items)
    {
        if (items is null)
        {
            json.WriteNullValue();
            return;
        }

        // Each item made as bytes (UnlinkedItemJson) and taken as a raw value: the newline and indentation before the
        // item are in its bytes, the writer puts the comma between items and the line before the closing bracket.
        using var raw = new UnlinkedItemJson(writerOptions, known, HowNames);
        json.WriteStartArray();
        for (var k = 0; k < items.Count; k++)
        {
            var item = items[k];
            if (raw.TryWrite(item, sentence))
            {
                json.WriteRawValue(raw.Written, skipInputValidation: true);
            }
            else
            {
                UnlinkedItem(item);
            }

            if (json.BytesPending >= FlushAt)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UnlinkedItem(UnlinkedItem? i)
    {
        if (Null(i))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Source, i!.Source);
        json.WriteString(Key, i.Key);
        json.WriteString(Title, i.Title);
        json.WriteString(Url, i.Url);
        json.WriteString(Team, i.Team);
        json.WriteString(Type, i.Type);
        json.WriteString(State, i.State);
        json.WritePropertyName(Points);
        Number(i.Points);
        json.WritePropertyName(Link);
        if (i.Unworded is { } why)
        {
            // What Why.Explain() would give, worded into the writer: how "unlinked", from null, no KRs.
            json.WriteStartObject();
            json.WriteString(How, HowNames[(int)LinkHow.Unlinked]);
            json.WriteNull(From);
            json.WriteStartArray(Krs);
            json.WriteEndArray();
            json.WriteStartArray(Why);
            why.WriteUnlinked(this, sentence);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            Explanation(i.Link);
        }

        if (i.Suggestions is { } suggestions)
        {
            // A loop of its own rather than List(suggestions, Suggestion): that makes a delegate for each item.
            json.WriteStartArray(Suggestions);
            for (var k = 0; k < suggestions.Count; k++)
            {
                Suggestion(suggestions[k]);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private void Explanation(LinkExplanation? e)
    {
        if (Null(e))
        {
            return;
        }

        json.WriteStartObject();
        json.WritePropertyName(How);
        if ((uint)e!.How < (uint)HowNames.Length)
        {
            json.WriteStringValue(HowNames[(int)e.How]);
        }
        else
        {
            // An undefined value: the converter writes the number.
            json.WriteNumberValue((int)e.How);
        }

        json.WriteString(From, e.From);
        json.WritePropertyName(Krs);
        Strings(e.Krs);
        json.WritePropertyName(Why);
        Strings(e.Why);
        json.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Suggestion(KrSuggestion? s)
    {
        if (Null(s))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Kr, s!.Kr);
        json.WriteNumber(Score, s.Score);
        json.WritePropertyName(Evidence);
        Strings(s.Evidence);
        json.WriteEndObject();
    }

    private void Finding(Finding? f)
    {
        if (Null(f))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Rule, f!.Rule);
        json.WriteString(Severity, f.Severity);
        json.WriteString(Subject, f.Subject);
        json.WriteString(Message, f.Message);
        json.WriteEndObject();
    }

    private void TrendPoint(TrendPoint? t)
    {
        if (Null(t))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString(Week, t!.Week);
        json.WriteNumber(UnlinkedShare, t.UnlinkedShare);
        json.WriteBoolean(Reconstructed, t.Reconstructed);
        json.WriteEndObject();
    }
}
