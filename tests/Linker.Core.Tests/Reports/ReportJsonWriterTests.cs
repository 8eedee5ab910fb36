using System.Text;
using System.Text.Json;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Suggestions;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Reports;

/// <summary>
/// The report's JSON is written by hand (ReportJsonWriter): it must be byte for byte what JsonSerializer writes with
/// ReportJson.Options, whatever the text holds, and read back as the same report.
/// </summary>
public sealed class ReportJsonWriterTests
{
    private static readonly string[] Awkward =
    [
        "",
        "plain",
        "say \"hi\" \\ back/slash",
        "<script>alert('x')</script> & more",
        "tab\there, new\nline, cr\r, nul\u0000, bell\u0007, del\u007f, nbsp\u00a0",
        "Zürich, café, naïve, Ærøskøbing",
        "emoji 😀 and 𝄞 clef",
        "lone \ud800 high and \udc00 low",
        "line\u2028sep\u2029para",
        "+ = - @ at the start",
        new string('x', 70_000),
        string.Concat(Enumerable.Repeat("é<\"😀", 5_000)),
    ];

    private static readonly double[] Numbers =
    [0, -0.0, 0.1 + 0.2, 1.0 / 3, 1e300, -1e-300, double.Epsilon, double.MaxValue, -123456789.125, 42, 2.5, 1e21, 1e-7, 0.3333];

    [Fact]
    public void Every_awkward_text_and_number_is_written_as_the_serializer_writes_it()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var report = Random(new Random(seed));

            var expected = JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options);

            AssertSameBytes(expected, ReportJson.Utf8(report), seed);
        }
    }

    [Fact]
    public void Every_ascii_character_in_an_unlinked_item_is_written_as_the_serializer_writes_it()
    {
        // One item per character, the character alone and inside plain text, in every text an item holds.
        var items = Enumerable.Range(0, 128).Select(c =>
        {
            var alone = ((char)c).ToString();
            var inside = "a" + alone + "b";
            return new UnlinkedItem(alone, inside, "title " + inside, alone, inside, alone, inside, c,
                new LinkExplanation(LinkHow.Unlinked, inside, [alone], [inside]), [new KrSuggestion(inside, c / 7.0, [alone, inside])]);
        });
        var report = ReportSamples.Report() with { UnlinkedItems = [.. items] };

        AssertSameBytes(JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options), ReportJson.Utf8(report), 0);
    }

    [Fact]
    public void Nulls_everywhere_are_written_as_the_serializer_writes_them()
    {
        var report = ReportSamples.Report() with
        {
            Week = null!,
            Period = null!,
            Totals = null!,
            Teams = null!,
            Objectives = [new ObjectiveReport(null!, null!, null!)],
            UnlinkedItems = [new UnlinkedItem(null!, null!, null!, null, null!, null!, null!, null, new LinkExplanation(LinkHow.Bau, null, null!, null!)), null!],
            Findings = [null!, new Finding(null!, null!, null!, null!)],
            Trend = null!,
        };

        AssertSameBytes(JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options), ReportJson.Utf8(report), 0);
    }

    [Fact]
    public void Unlinked_items_from_the_linker_are_worded_as_the_explain_verb_words_them()
    {
        var options = new LinkingOptions { Rules = [new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O2-KR1" }] };
        var items = new[]
        {
            Some.Item("PAY-1") with { Type = "Epic" },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1", StoryPoints = 3 },
            Some.Item("PAY-3") with { ParentId = "id-PAY-2", Labels = ["kr:O1-KR9"], StoryPoints = 3 },
            Some.Item("PAY-4") with { Type = "Epic", GoneAt = Some.Created.AddDays(3) },
            Some.Item("PAY-5") with { ParentId = "id-PAY-4", Title = "Fix <PAY-1> & \"PAY-77\" 😀" },
            Some.Item("PAY-6") with { ParentId = "id-PAY-5", Branch = "feature/pay-4-x", Body = "see PAY-1, PAY-2, PAY-3, PAY-9, PAY-11, PAY-12, PAY-13" },
            Some.Item("PAY-7") with { ParentId = "id-PAY-8" },
            Some.Item("PAY-8") with { ParentId = "id-PAY-7" },
            Some.Item("PAY-9") with { Type = "Bug" },
            Some.Item("PAY-10") with { Components = ["Checkout"] },
        };
        var linked = new WorkItemLinker(options, Some.Okrs()).Link(items);
        var figures = FigureCalculator.Compute(linked, Some.Okrs(), IsoWeek.Parse("2026-W41"), TimeZoneInfo.Utc, [], Some.Created.AddDays(5));
        var report = ReportSamples.Report() with { UnlinkedItems = figures.UnlinkedItems };
        Assert.Equal(["PAY-2", "PAY-3", "PAY-1", "PAY-4", "PAY-5", "PAY-6", "PAY-7", "PAY-8", "PAY-9"], report.UnlinkedItems.Select(i => i.Key));

        // Written from the compact form first, then by the serializer from the worded Link.
        var written = ReportJson.Utf8(report);
        AssertSameBytes(JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options), written, 0);

        foreach (var item in report.UnlinkedItems)
        {
            var explained = linked.Items.Single(l => l.Item.Key == item.Key).Explanation!;
            Assert.Equal(LinkHow.Unlinked, item.Link!.How);
            Assert.Equal(explained.Why, item.Link.Why);
        }

        Assert.Equal(
            [
                "PAY-6 is unlinked: nothing links it to a KR of 2026-Q4.",
                "It names no KR itself (no KR label, title token or KR field value).",
                "Its parent chain (PAY-5) carries no KR, and PAY-4 above it is gone from the tracker (not returned since 2026-10-08), so it passes nothing on.",
            ],
            report.UnlinkedItems.Single(i => i.Key == "PAY-6").Link!.Why.Take(3));
        Assert.Equal(
            "Its epic PAY-4 is gone from the tracker (not returned since 2026-10-08), so it passes nothing on.",
            report.UnlinkedItems.Single(i => i.Key == "PAY-5").Link!.Why[2]);
    }

    [Fact]
    public void A_report_written_by_hand_reads_back_with_every_field()
    {
        var report = Random(new Random(7));

        var read = ReportJson.Read(Encoding.UTF8.GetString(ReportJson.Utf8(report)));

        AssertSameBytes(JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options), JsonSerializer.SerializeToUtf8Bytes(read, ReportJson.Options), 7);
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual, int seed)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(
            at == expected.Length && at == actual.Length,
            $"seed {seed}: differs at byte {at} of {expected.Length}/{actual.Length}: expected «{Around(expected, at)}», got «{Around(actual, at)}»");
    }

    private static string Around(byte[] bytes, int at) =>
        Encoding.UTF8.GetString(bytes, Math.Max(0, at - 60), Math.Min(bytes.Length, at + 60) - Math.Max(0, at - 60));

    private static WeeklyReport Random(Random random)
    {
        string Text() => Awkward[random.Next(Awkward.Length)] + (random.Next(3) == 0 ? Awkward[random.Next(Awkward.Length)] : "");
        string? MaybeText() => random.Next(4) == 0 ? null : Text();
        double Number() => Numbers[random.Next(Numbers.Length)] * (random.Next(2) == 0 ? 1 : -1);
        double? MaybeNumber() => random.Next(4) == 0 ? null : Number();
        DateTimeOffset Time() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(random.Next(-12, 13)))
            .AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365));
        IReadOnlyList<string> Texts() => [.. Enumerable.Range(0, random.Next(4)).Select(_ => Text())];
        LinkExplanation? Explanation() => random.Next(3) == 0
            ? null
            : new LinkExplanation((LinkHow)random.Next(6), MaybeText(), Texts(), Texts());
        IReadOnlyList<KrSuggestion>? Suggestions() => random.Next(2) == 0
            ? null
            : [.. Enumerable.Range(0, random.Next(3)).Select(_ => new KrSuggestion(Text(), Number(), Texts()))];
        PointTotals Points() => new(Number(), Number(), Number(), Number(), Number());

        return new WeeklyReport(
            random.Next(-5, 5),
            Text(),
            Time(),
            Time(),
            Time(),
            Text(),
            new Totals(random.Next(), -random.Next(), 0, int.MaxValue, Number(), Points()),
            [.. Enumerable.Range(0, random.Next(4)).Select(_ => new TeamFigures(Text(), random.Next(), 1, 2, int.MinValue, Number(), Points()))],
            [
                .. Enumerable.Range(0, random.Next(3)).Select(_ => new ObjectiveReport(Text(), Text(),
                [
                    .. Enumerable.Range(0, random.Next(3)).Select(_ => new KeyResultReport(
                        Text(), Text(), MaybeNumber(), Number(), MaybeNumber(), MaybeNumber(), Number(), MaybeText(),
                        random.Next(2) == 0 ? null : new BaselineSource(Text(), Text(), Time(), Number(), random.Next(2) == 0 ? null : Time()),
                        [.. Enumerable.Range(0, random.Next(4)).Select(_ => new MetricPoint(Time(), Number()))],
                        MaybeText(), new KrItemCounts(random.Next(), 0, -1, 3), Number(), random.Next(2) == 0 ? null : Time(),
                        Texts(), Texts(), MaybeText())),
                ])),
            ],
            [
                .. Enumerable.Range(0, random.Next(30)).Select(_ => new UnlinkedItem(
                    Text(), Text(), Text(), MaybeText(), Text(), Text(), Text(), MaybeNumber(), Explanation(), Suggestions())),
            ],
            [.. Enumerable.Range(0, random.Next(4)).Select(_ => new Finding(Text(), Text(), Text(), Text()))],
            [.. Enumerable.Range(0, random.Next(9)).Select(_ => new TrendPoint(Text(), Number(), random.Next(2) == 0))]);
    }
}
