// Writes the sample tracker exports under config/samples/{jira,azure-devops,github}/: the story of
// Acme's shop in 2026-Q4, seen in ISO week 2026-W47, in the shapes the real vendor APIs answer with.
// Deterministic: a fixed seed and a home-made PRNG, so the output never changes between .NET versions.
// Run from the repository root: dotnet run config/samples/generate.cs
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OkrLinker.Samples;

internal static class Program
{
    private static int Main()
    {
        var root = SamplesFolder();
        var story = new Story(new Rng(20261122));
        story.Build();

        var written = new List<string>();
        written.AddRange(JiraExport.Write(Path.Combine(root, "jira"), story.Items.Where(i => i.Source == Src.Jira).ToList(), story.Rng));
        written.AddRange(AdoExport.Write(Path.Combine(root, "azure-devops"), story.Items.Where(i => i.Source == Src.Ado).ToList(), story.Rng));
        written.AddRange(GitHubExport.Write(Path.Combine(root, "github"), story.Items.Where(i => i.Source == Src.GitHub).ToList(), story.Rng));

        foreach (var group in story.Items.GroupBy(i => i.Source))
        {
            Console.WriteLine($"{group.Key,-7} {group.Count(),4} items");
        }

        Console.WriteLine($"wrote {written.Count} files under {root}");
        return 0;
    }

    // The folder this file sits in, whatever the working directory is.
    private static string SamplesFolder([CallerFilePath] string sourcePath = "")
    {
        if (AppContext.GetData("EntryPointFileDirectoryPath") is string fromHost && Directory.Exists(fromHost))
        {
            return fromHost;
        }

        var fromSource = Path.GetDirectoryName(sourcePath);
        if (!string.IsNullOrEmpty(fromSource) && Directory.Exists(fromSource))
        {
            return fromSource;
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "config", "samples");
    }
}

internal enum Src
{
    Jira,
    Ado,
    GitHub,
}

/// <summary>What an item's state will be at export time, seen from week 2026-W47.</summary>
internal enum Plan
{
    ToDo,
    InProgress,
    DoneInWeek,
    DoneEarlier,
    Removed,
}

/// <summary>One work item before it is dressed in a vendor's shape.</summary>
internal sealed class Item
{
    public required Src Source { get; init; }

    /// <summary>Jira project key, Azure DevOps area path, or GitHub owner/repo.</summary>
    public required string Scope { get; init; }

    /// <summary>Jira issue type, Azure DevOps work item type, or Issue / PullRequest on GitHub.</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required Plan Plan { get; init; }

    public Item? Parent { get; init; }

    public List<Item> Children { get; } = [];

    public List<string> Labels { get; } = [];

    public string? KrField { get; set; }

    public double? Points { get; set; }

    public string? Component { get; set; }

    /// <summary>GitHub issue type (Bug, Feature, Task) or null.</summary>
    public string? IssueType { get; set; }

    public bool Reopened { get; set; }

    public bool Dependabot { get; set; }

    public bool Draft { get; set; }

    public string? Body { get; set; }

    public Person? Assignee { get; set; }

    public required Person Author { get; init; }

    public DateTime Created { get; set; }

    public DateTime Updated { get; set; }

    public DateTime? Resolved { get; set; }

    /// <summary>Azure DevOps: the item stopped in Resolved rather than Closed.</summary>
    public bool StopsAtResolved { get; set; }

    public long Id { get; set; }

    public int Number { get; set; }

    public string Key { get; set; } = "";

    /// <summary>Epics, features and GitHub tracking issues: opened early, children hang below.</summary>
    public bool IsContainer { get; init; }
}

internal sealed record Person(string Name, string Login, string Email, string AccountId, string Guid, long GitHubId);

/// <summary>SplitMix64: tiny, fast, and the same on every runtime.</summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Int(int minInclusive, int maxExclusive) =>
        minInclusive + (int)(Next() % (ulong)(maxExclusive - minInclusive));

    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => Unit() < p;

    public T Pick<T>(IReadOnlyList<T> values) => values[Int(0, values.Count)];

    public void Shuffle<T>(IList<T> values)
    {
        for (var i = values.Count - 1; i > 0; i--)
        {
            var j = Int(0, i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    public string Hex(int bytes)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < bytes; i++)
        {
            sb.Append(((byte)Next()).ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    public string Guid() => $"{Hex(4)}-{Hex(2)}-4{Hex(2)[1..]}-a{Hex(2)[1..]}-{Hex(6)}";

    public string Base64(int bytes)
    {
        var buffer = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            buffer[i] = (byte)Next();
        }

        return Convert.ToBase64String(buffer);
    }
}

/// <summary>The calendar of the story: period, report week, export moment.</summary>
internal static class Calendar
{
    public static readonly DateTime Start = Utc(2026, 8, 15, 0, 0);
    public static readonly DateTime WeekStart = Utc(2026, 11, 16, 0, 0);
    public static readonly DateTime WeekEnd = Utc(2026, 11, 23, 0, 0);
    public static readonly DateTime Export = Utc(2026, 11, 22, 10, 30);

    public static DateTime Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    public static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Most work happens on weekdays in office hours; try a few draws for one, else any instant.</summary>
    public static DateTime Draw(Rng rng, DateTime low, DateTime high)
    {
        if (high <= low)
        {
            return Trim(low);
        }

        var span = (high - low).TotalSeconds;
        var candidate = low;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            candidate = low.AddSeconds(rng.Unit() * span);
            if (candidate.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && candidate.Hour is >= 7 and < 19)
            {
                break;
            }
        }

        return Trim(candidate);
    }

    // Vendors keep milliseconds at most.
    private static DateTime Trim(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}

/// <summary>Acme's quarter: who works on what, and where each item stands on 2026-11-22.</summary>
internal sealed class Story(Rng rng)
{
    private static readonly Person Mara = new("Mara Lindqvist", "mlindqvist", "mara.lindqvist@acme.example", "712020:5b7c0a3e-31d2-4f0e-9a53-0c6b1e2f7d41", "3f2a9c1e-6b4d-4e8a-9c21-7d5e0f1a2b31", 48213377);
    private static readonly Person Lukas = new("Lukas Brandt", "lbrandt", "lukas.brandt@acme.example", "712020:9d1e4f27-8a63-45c1-b0e2-5f4a3c2d1e90", "8b1c2d3e-4f50-4a61-8b72-9c0d1e2f3a42", 51177024);
    private static readonly Person Chloe = new("Chloé Dubois", "cdubois", "chloe.dubois@acme.example", "712020:2c8f6b19-4e7d-4a3b-9f10-6e5d4c3b2a18", "c4d5e6f7-0819-4a2b-9c3d-4e5f60718293", 60342118);
    private static readonly Person Tobi = new("Tobi Okafor", "tokafor", "tobi.okafor@acme.example", "712020:7e3d2c1b-0a9f-4e8d-8c7b-6a5f4e3d2c1b", "1a2b3c4d-5e6f-4071-8293-a4b5c6d7e8f9", 39921504);
    private static readonly Person Priya = new("Priya Raman", "praman", "priya.raman@acme.example", "712020:4b5a6978-3c2d-4e1f-a0b9-c8d7e6f5a4b3", "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", 44587230);
    private static readonly Person Amir = new("Amir Haddad", "ahaddad", "amir.haddad@acme.example", "712020:d1c2b3a4-9e8f-4d7c-b6a5-948372615a0b", "5e6f7081-92a3-4b4c-9d5e-6f708192a3b4", 57720391);
    private static readonly Person Jun = new("Jun Park", "jun-park", "jun.park@acme.example", "712020:0f1e2d3c-4b5a-4697-8877-665544332211", "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901", 36651987);
    private static readonly Person Sofia = new("Sofia Marino", "sofia-marino", "sofia.marino@acme.example", "712020:a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", 42290875);
    private static readonly Person Kenji = new("Kenji Watanabe", "kwatanabe", "kenji.watanabe@acme.example", "712020:6e5d4c3b-2a19-4f8e-8d7c-6b5a49382716", "0a1b2c3d-4e5f-4607-8192-a3b4c5d6e7f8", 33018842);
    public static readonly Person Dependabot = new("dependabot[bot]", "dependabot[bot]", "", "", "", 49699333);

    private static readonly Person[] Growth = [Mara, Lukas, Chloe];
    private static readonly Person[] Payments = [Tobi, Priya, Amir];
    private static readonly Person[] Web = [Jun, Sofia, Kenji];

    public Rng Rng { get; } = rng;

    public List<Item> Items { get; } = [];

    public void Build()
    {
        JiraGrowth();
        JiraPayments();
        AdoOnboarding();
        AdoCheckout();
        GitHubWeb();
        GitHubDesignSystem();
        Validate();
    }

    // ---------------------------------------------------------------- Jira GRO (growth)

    private void JiraGrowth()
    {
        const string gro = "GRO";
        var picks = Add(Src.Jira, gro, "Epic", "Personalised picks in the first session", Plan.InProgress, null, Growth);
        picks.KrField = "O1-KR1";
        picks.Component = "Recommendations";
        var picksStories = Group(Src.Jira, gro, "Story", picks, "P3 W2 E6 T3", Growth,
        [
            "Show \"Picked for you\" strip on first home visit",
            "Rank picks by the categories chosen at sign-up",
            "Cold-start fallback: bestsellers by region",
            "Track pick impressions and clicks",
            "Add \"Not interested\" action to picks",
            "Cache picks per session in edge KV",
            "Empty state when catalogue filters exclude every pick",
            "A/B test: 8 vs 12 picks on the first screen",
            "Localise pick reasons (DE, FR, NL)",
            "Hide out-of-stock items from first-session picks",
            "Picks API: p95 latency budget of 150 ms",
            "Explain why an item was picked (\"Because you liked …\")",
            "Refresh picks after the first add-to-cart",
            "Keep age-restricted categories out of picks for under-18 accounts",
        ], Decorate("Recommendations", "frontend", "backend"));
        // Carried over from Q3: a stale tag; the story still inherits O1-KR1 from its epic.
        picksStories.First(story => story.Plan == Plan.InProgress).Labels.Add("kr:Q3-O1-KR1");
        SubTasks(gro, picksStories, "P1 W1 E2 T1", Growth);

        var firstCart = Add(Src.Jira, gro, "Epic", "Fewer steps to the first add-to-cart", Plan.InProgress, null, Growth);
        firstCart.Labels.Add("kr:O1-KR2");
        firstCart.Component = "Onboarding";
        var firstCartStories = Group(Src.Jira, gro, "Story", firstCart, "P3 W2 E4 T3", Growth,
        [
            "Let guests add to cart before creating an account",
            "Remember size selection from the sign-up quiz",
            "One-tap add-to-cart from search results",
            "Skip email verification until the first order",
            "Move the size guide into the product card",
            "Prefill country and currency from the browser locale",
            "Measure time from sign-up to first add-to-cart",
            "Inline variant picker on the category grid",
            "Ask for newsletter opt-in after the first add-to-cart, not before",
            "Shorten the sign-up form to email + password",
            "Sign in with Apple on iOS web",
            "Show the welcome coupon in the cart instead of a modal",
        ], Decorate("Onboarding", "frontend", "quick-win"));
        SubTasks(gro, firstCartStories, "P1 W1 E1 T1", Growth);

        var emails = Add(Src.Jira, gro, "Epic", "Welcome email journey v2", Plan.DoneEarlier, null, Growth);
        emails.KrField = "O1-KR1";
        emails.Component = "Emails";
        Group(Src.Jira, gro, "Story", emails, "E8", Growth,
        [
            "Day-1 email: three picks based on the quiz",
            "Day-3 email: finish your profile",
            "Day-7 email: what shoppers like you bought",
            "Unsubscribe link per journey, not global",
            "Track email-to-session attribution",
            "Move journey templates to MJML",
            "Send-time optimisation per time zone",
            "Suppress the journey for accounts that already ordered",
        ], Decorate("Emails"));

        var referral = Add(Src.Jira, gro, "Epic", "Referral programme", Plan.ToDo, null, Growth);
        Group(Src.Jira, gro, "Story", referral, "T4 P1", Growth,
        [
            "Referral links with per-account codes",
            "Give €10 credit to the referrer after the friend's first order",
            "Referral landing page",
            "Fraud checks on self-referrals",
            "Referral stats in the account area",
        ], Decorate("Onboarding"));

        var events = Add(Src.Jira, gro, "Epic", "Onboarding events tidy-up", Plan.InProgress, null, Growth);
        Group(Src.Jira, gro, "Task", events, "P1 W1 E1", Growth,
        [
            "Rename onboarding events to snake_case",
            "Drop the unused quiz_step_viewed event",
            "Backfill event schema docs in the tracking plan",
        ], Decorate("Onboarding", "tech-debt"));

        Group(Src.Jira, gro, "Bug", null, "P1 W2 E3 T2", Growth,
        [
            "Sign-up quiz skips step 3 on Safari 17",
            "Password reset link expires after 5 minutes instead of 24 hours",
            "Welcome coupon applied twice when the cart is refreshed",
            "Onboarding carousel stuck on Android WebView",
            "Quiz answers lost after social sign-in",
            "Locale detection picks en-US for Belgian visitors",
            "Email verification banner overlaps the header on iPad",
            "Duplicate accounts when the sign-up button is double-clicked",
        ], Decorate("Sign-up"));

        Group(Src.Jira, gro, "Task", null, "P1 E2 T1", Growth,
        [
            "Merge duplicate accounts for customer ticket #88213",
            "Export sign-up funnel data for the marketing review",
            "Reset quiz answers for usability-study test accounts",
            "Investigate complaint: welcome email sent in the wrong language",
        ], (item, _) => { item.Labels.Add("support"); item.Component = "Sign-up"; });

        Group(Src.Jira, gro, "Task", null, "P1 W1 E2 T2", Growth,
        [
            "Refactor sign-up form state into a reducer",
            "Upgrade onboarding-service to .NET 10",
            "Spike: evaluate Braze vs Customer.io",
            "Remove legacy v1 quiz endpoints",
            "Replace moment.js with date-fns in onboarding",
            "Split the growth-web bundle by route",
        ], TechDebt("Onboarding"));

        var typo = Add(Src.Jira, gro, "Story", "Nudge visitors who abandon the quiz at step 2", Plan.InProgress, null, Growth);
        typo.Labels.Add("kr:O1-KR7"); // there is no O1-KR7: an unknown-kr-tag finding
        typo.Points = 3;
        typo.Component = "Onboarding";

        var direct1 = Add(Src.Jira, gro, "Story", "Progress bar in the sign-up quiz", Plan.InProgress, null, Growth);
        direct1.Labels.Add("kr:O1-KR1");
        direct1.Points = 2;
        var direct2 = Add(Src.Jira, gro, "Story", "Skip the quiz for returning visitors", Plan.DoneInWeek, null, Growth);
        direct2.KrField = "O1-KR2";
        direct2.Points = 3;
        var direct3 = Add(Src.Jira, gro, "Story", "[O1-KR1] Personalised hero banner for new accounts", Plan.ToDo, null, Growth);
        direct3.Points = 5;
    }

    // ---------------------------------------------------------------- Jira PAY (payments)

    private void JiraPayments()
    {
        const string pay = "PAY";
        var onePage = Add(Src.Jira, pay, "Epic", "One-page checkout", Plan.InProgress, null, Payments);
        onePage.KrField = "O2-KR1";
        onePage.Component = "Checkout";
        var onePageStories = Group(Src.Jira, pay, "Story", onePage, "P3 W3 E6 T3", Payments,
        [
            "Merge shipping and payment steps into one page",
            "Inline address validation",
            "Show delivery dates before payment",
            "Keep the cart summary sticky on desktop",
            "Express checkout buttons above the fold",
            "Persist the checkout form on reload",
            "Collapse the promo code field by default",
            "Accessible error summary at the top of the checkout form",
            "Track step-level drop-off for one-page checkout",
            "Feature-flag rollout: 10% → 50% → 100%",
            "Handle 3DS challenge when amount > €1,000 & currency ≠ EUR",
            "Remove legacy multi-step checkout routes",
            "Prefetch payment methods while the address loads",
            "Show total incl. VAT before the <Pay> button",
            "Copy review: \"Pay now\" vs \"Place order\"",
        ], Decorate("Checkout", "frontend", "backend"));
        SubTasks(pay, onePageStories, "P1 W1 E2 T1", Payments);

        var retries = Add(Src.Jira, pay, "Epic", "Smart payment retries", Plan.InProgress, null, Payments);
        retries.Labels.Add("kr:O2-KR2");
        retries.Component = "Payments API";
        var retryStories = Group(Src.Jira, pay, "Story", retries, "P2 W2 E5 T3", Payments,
        [
            "Retry soft declines once with a network token",
            "Classify PSP decline codes into soft and hard",
            "Back off retries on issuer timeouts",
            "Dashboard: failure rate by PSP and card scheme",
            "Fall back to the secondary PSP on 5xx",
            "Idempotency keys on payment intent create",
            "Alert when failure rate > 5% for 10 minutes",
            "Store decline reasons for analysis",
            "Retry SCA-exempt transactions without a challenge",
            "Unit tests for decline-code mapping",
            "Load-test the retry path at 3× Black Friday peak",
            "Expose retry outcome in the order timeline",
        ], Decorate("Payments API", "backend"));
        SubTasks(pay, retryStories, "P1 E2", Payments);

        var wallets = Add(Src.Jira, pay, "Epic", "Apple Pay and Google Pay", Plan.DoneEarlier, null, Payments);
        wallets.KrField = "O2-KR1";
        wallets.Component = "Checkout";
        Group(Src.Jira, pay, "Story", wallets, "E6", Payments,
        [
            "Apple Pay domain verification",
            "Google Pay button on the cart page",
            "Wallet payments in one-page checkout",
            "Pass wallet tokens through the PSP",
            "Wallet analytics events",
            "Wallet QA on real devices",
        ], Decorate("Checkout", "frontend"));

        var psp = Add(Src.Jira, pay, "Epic", "Move card processing to Adyen", Plan.InProgress, null, Payments);
        psp.Component = "Payments API";
        Group(Src.Jira, pay, "Story", psp, "P1 W1 T3", Payments,
        [
            "Adyen sandbox account and webhooks",
            "Map Adyen result codes to internal payment statuses",
            "Dual-run Adyen and the legacy PSP in staging",
            "Decommission the legacy PSP client",
            "Import the Adyen settlement report for reconciliation",
        ], (item, r) => { item.Component = "Payments API"; item.Points = r.Pick<double>([5, 8, 8, 13]); });

        Group(Src.Jira, pay, "Bug", null, "P2 W1 E4 T1", Payments,
        [
            "Refund webhook processed twice",
            "Partial refund rounds to the wrong unit for JPY",
            "Payment status stuck on \"pending\" after a PSP timeout",
            "Invoice PDF shows the wrong VAT number",
            "Klarna redirect loses the order id",
            "Card expiry validation rejects 12/30",
            "Refunds page returns 500 for orders placed before 2024",
            "Currency symbol missing on receipts for CHF",
        ], Decorate("Payments API", "Refunds"));

        Group(Src.Jira, pay, "Task", null, "W1 E2", Payments,
        [
            "Manual refund for chargeback case CB-2291",
            "Investigate payout mismatch for October",
            "Export failed payments for the finance audit",
        ], (item, _) => { item.Labels.Add("support"); item.Component = "Refunds"; });

        // No KR and no epic: the Checkout component rule links these to O2-KR1.
        Group(Src.Jira, pay, "Story", null, "P1 W1 T1", Payments,
        [
            "Show saved cards first",
            "Postcode lookup for UK addresses",
            "Remember the last delivery option",
        ], (item, r) => { item.Component = "Checkout"; item.Points = r.Pick<double>([2, 3]); });

        Group(Src.Jira, pay, "Task", null, "P1 W1 E2 T1", Payments,
        [
            "Upgrade payments-service to PostgreSQL 17",
            "Refactor the PaymentIntent mapper",
            "Spike: evaluate PCI scope reduction with hosted fields",
            "Bump Stripe SDK to v18",
            "Remove dead Sofort code paths",
        ], TechDebt("Payments API"));

        var typo = Add(Src.Jira, pay, "Story", "Retry failed 3DS lookups", Plan.InProgress, null, Payments);
        typo.Labels.Add("kr:O2_KR2"); // underscore instead of dash: unknown-kr-tag
        typo.Component = "Payments API";
        typo.Points = 3;

        var both = Add(Src.Jira, pay, "Story", "Show a clearer message when a card is declined", Plan.InProgress, null, Payments);
        both.Labels.Add("kr:O2-KR1");
        both.Labels.Add("kr:O2-KR2");
        both.Component = "Payments API";
        both.Points = 5;
    }

    // ---------------------------------------------------------------- Azure DevOps Shop\Onboarding (growth)

    private void AdoOnboarding()
    {
        const string area = @"Shop\Onboarding";
        var epic = Add(Src.Ado, area, "Epic", "Activation: value in the first week", Plan.InProgress, null, Growth);
        epic.KrField = "O1-KR1";

        var feed = Add(Src.Ado, area, "Feature", "Personalised home feed for new accounts", Plan.InProgress, epic, Growth);
        var feedStories = Group(Src.Ado, area, "User Story", feed, "P2 W2 E3 T1", Growth,
        [
            "As a new shopper I see items from the categories I picked",
            "As a new shopper I can refine my picks",
            "Feed falls back to trending items when there are no quiz answers",
            "Feed ranks by margin-adjusted relevance",
            "Instrument feed engagement",
            "Feed tiles lazy-load on scroll",
            "As a new shopper I can save items to a wishlist from the feed",
            "Feed hides items I already bought",
        ], Decorate(null, "frontend", "backend"));
        AdoTasks(area, feedStories, "P1 W1 E3 T1", Growth,
        [
            "Feed API contract",
            "Ranking service call with a 200 ms timeout",
            "Tile component",
            "Event schema for feed clicks",
            "Integration tests for the feed endpoint",
            "Feature flag for the feed",
        ]);

        var prompts = Add(Src.Ado, area, "Feature", "Progressive profile prompts", Plan.InProgress, epic, Growth);
        prompts.Labels.Add("kr:O1-KR2"); // explicit on the feature beats the epic's O1-KR1
        Group(Src.Ado, area, "User Story", prompts, "P1 W1 E2 R1", Growth,
        [
            "Ask for shoe size at the first product view",
            "Ask for style preferences after the first order",
            "Profile completeness meter",
            "Cap prompts at one per session",
            "Dismissed prompts stay dismissed",
        ], Decorate(null, "frontend"));

        var quiz = Add(Src.Ado, area, "Epic", "Sign-up quiz v2", Plan.DoneEarlier, null, Growth);
        Group(Src.Ado, area, "User Story", quiz, "E10", Growth,
        [
            "Quiz v2: category step",
            "Quiz v2: size step",
            "Quiz v2: budget step",
            "Quiz v2: skip button",
            "Quiz v2: save answers to the profile",
            "Quiz v2: results page",
            "Quiz v2: analytics events",
            "Quiz v2: translations",
            "Quiz v2: accessibility review",
            "Quiz v2: remove quiz v1",
        ], Decorate(null, "frontend"));

        Group(Src.Ado, area, "Bug", null, "P1 W1 E1 T1", Growth,
        [
            "Feed shows empty tiles on slow 3G",
            "Quiz progress lost when switching tabs",
            "Sign-up confirmation email sent twice",
            "Profile prompt hides the checkout button on small screens",
        ], Decorate(null));

        Group(Src.Ado, area, "User Story", null, "P1 T2 R1", Growth,
        [
            "Upgrade onboarding-api to Node 22",
            "Spike: evaluate LaunchDarkly vs Unleash",
            "Move onboarding settings to App Configuration",
            "Clean up unused feature flags",
        ], TechDebt(null));

        var stale = Add(Src.Ado, area, "User Story", "Follow-up: migrate quiz v1 answers", Plan.InProgress, null, Growth);
        stale.Labels.Add("kr:Q3-O1-KR1"); // a Q3 KR: stale-kr-tag, and no link
        stale.Points = 3;
    }

    // ---------------------------------------------------------------- Azure DevOps Shop\Checkout (payments)

    private void AdoCheckout()
    {
        const string area = @"Shop\Checkout";
        var epic = Add(Src.Ado, area, "Epic", "Checkout conversion", Plan.InProgress, null, Payments);
        epic.KrField = "O2-KR1";

        var address = Add(Src.Ado, area, "Feature", "Address autocomplete", Plan.InProgress, epic, Payments);
        var addressStories = Group(Src.Ado, area, "User Story", address, "P2 W1 E2 T1", Payments,
        [
            "Autocomplete addresses with Loqate",
            "Fall back to manual entry when lookup fails",
            "Autocomplete for PO boxes",
            "Validate postcode format per country",
            "Keyboard navigation in suggestions",
            "Track autocomplete usage",
        ], Decorate(null, "frontend"));
        AdoTasks(area, addressStories, "P1 W1 E2", Payments,
        [
            "Loqate key in Key Vault",
            "Debounce lookups to 150 ms",
            "Suggestion list component",
            "E2E test for DE and UK addresses",
        ]);

        var guest = Add(Src.Ado, area, "Feature", "Guest checkout", Plan.DoneEarlier, epic, Payments);
        Group(Src.Ado, area, "User Story", guest, "E4", Payments,
        [
            "Guest checkout without an account",
            "Offer account creation after the order",
            "Guest order lookup by email",
            "Guest checkout analytics",
        ], Decorate(null));

        var saved = Add(Src.Ado, area, "Feature", "Saved payment methods", Plan.ToDo, epic, Payments);
        Group(Src.Ado, area, "User Story", saved, "T4", Payments,
        [
            "Save the card after the first order",
            "Choose a default card",
            "Remove a saved card",
            "Card expiry reminder",
        ], Decorate(null));

        var express = Add(Src.Ado, area, "Feature", "Delivery options at checkout", Plan.ToDo, epic, Payments);
        Group(Src.Ado, area, "User Story", express, "T3", Payments,
        [
            "Offer next-day delivery where the carrier supports it",
            "Show the delivery cut-off time",
            "Pick-up point selection on a map",
        ], Decorate(null));

        var faster = Add(Src.Ado, area, "Feature", "Faster payment page", Plan.DoneEarlier, null, Payments);
        Group(Src.Ado, area, "User Story", faster, "E6", Payments,
        [
            "Load the PSP script only on the payment step",
            "Server-side render the order summary",
            "Remove the legacy payment iframe",
            "Cache shipping rates per basket",
            "Measure payment page load in RUM",
            "Compress payment page images",
        ], Decorate(null, "performance"));

        var copy = Add(Src.Ado, area, "User Story", "Copy test: rename \"Continue\" to 'Review & pay' <A/B>", Plan.InProgress, epic, Payments);
        copy.Points = 2;

        var failures = Add(Src.Ado, area, "Feature", "Clear card failure messages", Plan.InProgress, null, Payments);
        failures.Labels.Add("frontend");
        failures.Labels.Add("kr:O2-KR2");
        Group(Src.Ado, area, "User Story", failures, "P1 W1 E1 T1", Payments,
        [
            "Map decline codes to plain-language messages",
            "Suggest another payment method after a hard decline",
            "Show a retry button for soft declines",
            "Log which failure message was shown",
        ], Decorate(null, "frontend"));

        Group(Src.Ado, area, "Bug", null, "P1 W1 E1 T1", Payments,
        [
            "Shipping cost shows €0.00 before the address is entered",
            "Basket total off by one cent with three discounts",
            "Promo code field accepts whitespace-only input",
            "Order confirmation page blank on Firefox ESR",
        ], Decorate(null));

        Group(Src.Ado, area, "User Story", null, "P1 E1 R1", Payments,
        [
            "Refactor basket-service DI registrations",
            "Bump Stripe.net to 48.x",
            "Spike: split checkout into a micro-frontend",
        ], TechDebt(null));

        var typo = Add(Src.Ado, area, "User Story", "Cut payment page JavaScript by 30%", Plan.InProgress, null, Payments);
        typo.Labels.Add("kr:02-KR1"); // zero instead of the letter O: unknown-kr-tag
        typo.Labels.Add("performance");
        typo.Points = 5;
    }

    // ---------------------------------------------------------------- GitHub acme/web (web)

    private void GitHubWeb()
    {
        const string repo = "acme/web";
        var lcp = Add(Src.GitHub, repo, "Issue", "LCP under 2.5 s on product pages", Plan.InProgress, null, Web, container: true);
        lcp.Labels.Add("kr:O3-KR1");
        lcp.Labels.Add("performance");
        lcp.IssueType = "Feature";
        Group(Src.GitHub, repo, "Issue", lcp, "P2 W2 E6 T1", Web,
        [
            "Serve hero images as AVIF with width hints",
            "Inline critical CSS for the product page",
            "Preconnect to the image CDN",
            "Remove the render-blocking consent script",
            "Lazy-load the reviews widget",
            "Server-render the price block",
            "Drop unused font weights",
            "Measure LCP per page template in RUM",
            "Move A/B test snippet off the critical path",
            "Self-host the icon font",
            "Responsive image sizes for the PDP gallery",
        ], (item, _) => { item.IssueType = "Task"; item.Labels.Add("performance"); });

        var crashes = Add(Src.GitHub, repo, "Issue", "Crash-free sessions: fix the top JS errors", Plan.InProgress, null, Web, container: true);
        crashes.Labels.Add("kr:O3-KR2");
        crashes.IssueType = "Feature";
        Group(Src.GitHub, repo, "Issue", crashes, "P1 W1 E3 R1", Web,
        [
            "TypeError: cannot read 'price' of undefined in <MiniCart>",
            "Unhandled promise rejection in the consent banner",
            "ChunkLoadError after deploys",
            "Hydration mismatch on the PDP availability badge",
            "Safari 16: ResizeObserver loop limit exceeded",
            "Memory leak in the image carousel",
        ], (item, _) => { item.IssueType = "Bug"; item.Labels.Add("bug"); });

        var preload = Add(Src.GitHub, repo, "Issue", "[O3-KR1] Preload the hero image on category pages", Plan.InProgress, null, Web);
        preload.IssueType = "Task";
        var boundary = Add(Src.GitHub, repo, "Issue", "Add an error boundary around recommendations", Plan.DoneInWeek, null, Web);
        boundary.Labels.Add("kr:o3-kr2"); // lower case still names O3-KR2
        var picks = Add(Src.GitHub, repo, "Issue", "Show \"Picked for you\" strip on first visit (web)", Plan.InProgress, null, Web);
        picks.Labels.Add("kr:O1-KR1");
        picks.IssueType = "Feature";
        var sticky = Add(Src.GitHub, repo, "Issue", "Sticky pay button on mobile checkout", Plan.DoneInWeek, null, Web);
        sticky.Labels.Add("kr:O2-KR1");
        sticky.IssueType = "Feature";

        Group(Src.GitHub, repo, "Issue", null, "P2 W1 E4 T1", Web,
        [
            "Customer report: images missing on Samsung Internet",
            "Customer report: cannot remove an item from the basket on iOS 15",
            "Customer report: filter chips unreadable in dark mode",
            "Ticket #88102: price differs between list and product page",
            "Ticket #88340: promo banner covers the menu",
            "Customer report: search returns nothing for \"café\"",
            "Ticket #88411: language switcher empties the basket",
            "Customer report: slow category page on Firefox",
        ], (item, r) => { item.Labels.Add("support"); item.IssueType = r.Chance(0.5) ? "Bug" : null; });

        var unlinked = Group(Src.GitHub, repo, "Issue", null, "P4 W2 E4 T3 R1", Web,
        [
            "Upgrade to React 19",
            "Migrate ESLint config to flat config",
            "Spike: evaluate Astro for marketing pages",
            "Refactor ProductCard props",
            "Fix \"Add to cart\" overlap on <ProductCard> & wishlist icon",
            "Move Storybook to v9",
            "Remove jQuery from the legacy account pages",
            "Split the vendor chunk",
            "Clean up unused CSS variables",
            "TypeScript strict mode in /checkout",
            "Rename feature flags to kebab-case",
            "Flaky e2e: search suggestions test",
            "Upgrade Playwright to 1.56",
            "Dev container for the web repo",
        ], (item, r) =>
        {
            item.IssueType = r.Chance(0.6) ? "Task" : null;
            if (r.Chance(0.35))
            {
                item.Labels.Add("tech-debt");
            }
        });
        unlinked.First(issue => issue.Plan == Plan.InProgress).Reopened = true;

        var cdn = Add(Src.GitHub, repo, "Issue", "Move product images to the new image CDN", Plan.DoneEarlier, null, Web, container: true);
        cdn.IssueType = "Feature";
        Group(Src.GitHub, repo, "Issue", cdn, "E6", Web,
        [
            "Image CDN: signed URLs for private assets",
            "Image CDN: rewrite rules for legacy paths",
            "Image CDN: purge on product update",
            "Image CDN: cut over category pages",
            "Image CDN: cut over product pages",
            "Image CDN: remove the old resize service",
        ], (item, _) => item.IssueType = "Task");

        Group(Src.GitHub, repo, "Issue", null, "T10", Web,
        [
            "Idea: recently viewed strip on the home page",
            "Idea: compare up to three products",
            "Dark mode for the storefront",
            "Print-friendly order confirmation",
            "Show stock level on the product page",
            "Keyboard shortcut for search",
            "Offline page with last-viewed products",
            "Gift wrap option in the basket",
            "Share basket by link",
            "Size chart as a bottom sheet on mobile",
        ], (item, r) => item.Labels.Add(r.Chance(0.5) ? "enhancement" : "needs-triage"));

        var typo = Add(Src.GitHub, repo, "Issue", "[O3-KR9] Defer hydration of below-the-fold carousels", Plan.InProgress, null, Web);
        typo.Labels.Add("performance"); // O3 has no KR9: unknown-kr-tag from the title
        typo.IssueType = "Task";

        Group(Src.GitHub, repo, "PullRequest", null, "P1 W1 E2", Web,
        [
            "feat(pdp): AVIF hero images with width hints",
            "perf: inline critical CSS for PDP",
            "perf(category): preload the hero image",
            "fix(consent): stop blocking render",
        ], (item, _) => item.Labels.Add("kr:O3-KR1"));
        var stickyPr = Add(Src.GitHub, repo, "PullRequest", "feat(checkout): sticky pay button on mobile", Plan.DoneInWeek, null, Web);
        stickyPr.Labels.Add("kr:O2-KR1");
        stickyPr.Body = "Makes the pay button sticky below 768 px.";
        var titled = Add(Src.GitHub, repo, "PullRequest", "fix: hydration mismatch on availability badge [O3-KR2]", Plan.DoneInWeek, null, Web);
        titled.Body = "Fixes the mismatch by rendering the badge on the client only.";

        Group(Src.GitHub, repo, "PullRequest", null, "P3 W3 E16 R2", Web,
        [
            "refactor: ProductCard props",
            "ci: cache Playwright browsers",
            "chore: migrate ESLint to flat config",
            "fix(minicart): guard a missing price",
            "test: stabilise the search suggestions e2e",
            "chore: remove jQuery from account pages",
            "feat: dev container",
            "build: split the vendor chunk",
            "refactor(checkout): strict TypeScript",
            "fix: wishlist icon overlap on ProductCard",
            "docs: contributing guide for the web repo",
            "chore: rename feature flags",
            "refactor: move analytics into a hook",
            "fix(search): debounce suggestions",
            "feat: error page illustrations",
            "chore: upgrade Playwright",
            "fix: focus outline on the mega menu",
            "refactor: extract price formatting",
            "chore: Storybook 9",
            "feat: React 19 compatibility shims",
            "fix(a11y): alt text for category tiles",
            "perf: lazy-load the footer",
            "ci: run lint on changed files only",
            "chore: tidy CSS variables",
        ], (item, _) => item.Body = "No linked issue.");

        Group(Src.GitHub, repo, "PullRequest", null, "P1 W1 E6", Web,
        [
            "chore(deps): bump vite from 7.1.3 to 7.1.7",
            "chore(deps): bump @sentry/browser from 10.8.0 to 10.11.0",
            "chore(deps): bump next from 15.5.2 to 15.5.4",
            "chore(deps-dev): bump typescript from 5.9.2 to 5.9.3",
            "chore(deps): bump zod from 4.1.5 to 4.1.9",
            "chore(deps-dev): bump @playwright/test from 1.55.0 to 1.56.1",
            "chore(deps): bump swr from 2.3.4 to 2.3.6",
            "chore(deps-dev): bump eslint from 9.35.0 to 9.37.0",
        ], (item, _) =>
        {
            item.Dependabot = true;
            item.Labels.Add("dependencies");
            item.Body = "Bumps the package to the latest patch release.\n\nDependabot will resolve any conflicts with this PR as long as you don't alter it yourself.";
        });
    }

    // ---------------------------------------------------------------- GitHub acme/design-system (web)

    private void GitHubDesignSystem()
    {
        const string repo = "acme/design-system";
        var tokens = Add(Src.GitHub, repo, "Issue", "Design tokens v2: lighter CSS for faster paint", Plan.InProgress, null, Web, container: true);
        tokens.Labels.Add("kr:O3-KR1");
        tokens.IssueType = "Feature";
        Group(Src.GitHub, repo, "Issue", tokens, "P1 W1 E2", Web,
        [
            "Generate tokens as CSS custom properties",
            "Drop the runtime theme JS",
            "Tree-shakeable icon package",
            "Publish tokens v2 beta",
        ], (item, _) => item.IssueType = "Task");

        var typo = Add(Src.GitHub, repo, "Issue", "Button: drop legacy variants to cut CSS", Plan.InProgress, null, Web);
        typo.Labels.Add("kr:O3-KR4"); // O3 has three KRs: unknown-kr-tag
        typo.IssueType = "Task";

        Group(Src.GitHub, repo, "Issue", null, "P1 E2", Web,
        [
            "Question from the checkout team: focus ring colour on dark surfaces",
            "Consumer report: Modal traps focus in Safari",
            "Help: migrating from tokens v1",
        ], (item, _) => item.Labels.Add("support"));

        Group(Src.GitHub, repo, "Issue", null, "P2 W1 E3 T2", Web,
        [
            "Upgrade Storybook to 9",
            "Visual regression tests with Playwright",
            "Rename Stack to Flex",
            "Deprecate the Grid component",
            "Changesets for release notes",
            "Spike: evaluate Panda CSS",
            "Fix typos in the Tabs docs",
            "Bump TypeScript to 5.9",
        ], (item, r) => item.IssueType = r.Chance(0.5) ? "Task" : null);

        var tokenPr = Add(Src.GitHub, repo, "PullRequest", "feat(tokens): emit CSS custom properties", Plan.InProgress, null, Web);
        tokenPr.Labels.Add("kr:O3-KR1");
        tokenPr.Draft = true;
        Group(Src.GitHub, repo, "PullRequest", null, "W2 E3", Web,
        [
            "chore(deps-dev): bump storybook from 9.1.2 to 9.1.5",
            "docs: tokens v2 migration guide",
            "fix(tabs): arrow-key navigation wraps around",
            "chore: changesets",
            "refactor: rename Stack to Flex",
        ], (item, _) =>
        {
            if (item.Title.StartsWith("chore(deps", StringComparison.Ordinal))
            {
                item.Dependabot = true;
                item.Labels.Add("dependencies");
            }
        });
    }

    // ---------------------------------------------------------------- building blocks

    private static Action<Item, Rng> Decorate(string? component, params string[] extraLabels) => (item, r) =>
    {
        item.Component ??= component;
        if (extraLabels.Length > 0 && r.Chance(0.4))
        {
            item.Labels.Add(r.Pick(extraLabels));
        }
    };

    private static Action<Item, Rng> TechDebt(string? component) => (item, r) =>
    {
        item.Component = component;
        item.Labels.Add("tech-debt");
        if (item.Kind is "Story" or "Task" or "User Story")
        {
            item.Points = r.Pick<double>([3, 5, 5, 8]);
        }
    };

    private Item Add(Src source, string scope, string kind, string title, Plan plan, Item? parent, Person[] team, bool container = false)
    {
        var item = new Item
        {
            Source = source,
            Scope = scope,
            Kind = kind,
            Title = title,
            Plan = plan,
            Parent = parent,
            Author = Rng.Pick(team),
            IsContainer = container || kind is "Epic" or "Feature",
        };
        parent?.Children.Add(item);
        item.Points = DefaultPoints(kind);
        if (plan is Plan.InProgress or Plan.DoneInWeek or Plan.DoneEarlier || (plan == Plan.ToDo && source != Src.GitHub && Rng.Chance(0.2)))
        {
            item.Assignee = Rng.Pick(team);
        }

        Stamp(item);
        Items.Add(item);
        return item;
    }

    private double? DefaultPoints(string kind) => kind switch
    {
        "Story" or "User Story" => Rng.Pick<double>([1, 2, 2, 3, 3, 3, 5, 5, 8]),
        "Task" => Rng.Chance(0.5) ? Rng.Pick<double>([1, 2, 3]) : null,
        "Bug" => Rng.Chance(0.4) ? Rng.Pick<double>([1, 2]) : null,
        _ => null,
    };

    private List<Item> Group(Src source, string scope, string kind, Item? parent, string plans, Person[] team, string[] titles, Action<Item, Rng>? shape = null)
    {
        var planList = ParsePlans(plans);
        if (planList.Count != titles.Length)
        {
            throw new InvalidOperationException($"{plans} has {planList.Count} plans for {titles.Length} titles ({titles[0]})");
        }

        Rng.Shuffle(planList);
        var made = new List<Item>();
        for (var i = 0; i < titles.Length; i++)
        {
            var item = Add(source, scope, kind, titles[i], planList[i], parent, team);
            shape?.Invoke(item, Rng);
            made.Add(item);
        }

        return made;
    }

    private static readonly string[] SubTaskTitles =
    [
        "Write unit tests",
        "Update the API contract",
        "QA on iOS Safari",
        "Add analytics events",
        "Code review follow-ups",
        "Update the help-centre article",
        "Accessibility check",
        "Rollout config behind a feature flag",
        "Translate copy",
    ];

    // Sub-tasks hang under the earliest in-progress stories, so done sub-tasks fit their parents' dates.
    private void SubTasks(string project, List<Item> stories, string plans, Person[] team)
    {
        var parents = EarlyParents(stories);
        var planList = ParsePlans(plans);
        Rng.Shuffle(planList);
        for (var i = 0; i < planList.Count; i++)
        {
            var parent = parents[i % parents.Count];
            Add(Src.Jira, project, "Sub-task", SubTaskTitles[i % SubTaskTitles.Length], planList[i], parent, team);
        }
    }

    private void AdoTasks(string area, List<Item> stories, string plans, Person[] team, string[] titles)
    {
        var parents = EarlyParents(stories);
        var planList = ParsePlans(plans);
        Rng.Shuffle(planList);
        for (var i = 0; i < planList.Count; i++)
        {
            Add(Src.Ado, area, "Task", titles[i], planList[i], parents[i % parents.Count], team);
        }
    }

    // The two earliest in-progress stories, moved back to October when needed, so that their done
    // sub-tasks fit between the story's start and the report week.
    private List<Item> EarlyParents(List<Item> stories)
    {
        var parents = stories.Where(s => s.Plan == Plan.InProgress).OrderBy(s => s.Created).Take(2).ToList();
        var latest = Calendar.Utc(2026, 10, 16, 17, 0);
        foreach (var parent in parents.Where(p => p.Created > latest))
        {
            var low = parent.Parent is null ? Calendar.Start : parent.Parent.Created.AddHours(3);
            parent.Created = Calendar.Draw(Rng, low, latest);
        }

        return parents;
    }

    private static List<Plan> ParsePlans(string plans)
    {
        var list = new List<Plan>();
        foreach (var part in plans.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var plan = part[0] switch
            {
                'T' => Plan.ToDo,
                'P' => Plan.InProgress,
                'W' => Plan.DoneInWeek,
                'E' => Plan.DoneEarlier,
                'R' => Plan.Removed,
                _ => throw new InvalidOperationException($"unknown plan letter in {part}"),
            };
            list.AddRange(Enumerable.Repeat(plan, int.Parse(part[1..], CultureInfo.InvariantCulture)));
        }

        return list;
    }

    // Created / updated / resolved consistent with the plan, the parent and the export moment.
    private void Stamp(Item item)
    {
        var parent = item.Parent;
        var low = parent is null ? Calendar.Start : parent.Created.AddHours(3);
        var container = item.IsContainer;
        var createdHigh = item.Plan switch
        {
            _ when container => parent is null ? Calendar.Utc(2026, 9, 4, 18, 0) : parent.Created.AddDays(12),
            Plan.ToDo => Calendar.Utc(2026, 11, 21, 17, 0),
            Plan.InProgress => Calendar.Utc(2026, 11, 20, 17, 0),
            Plan.DoneInWeek => Calendar.Utc(2026, 11, 18, 17, 0),
            Plan.DoneEarlier => Calendar.Utc(2026, 11, 6, 17, 0),
            _ => Calendar.Utc(2026, 11, 12, 17, 0),
        };
        if (parent?.Resolved is { } parentDone)
        {
            createdHigh = Calendar.Min(createdHigh, parentDone.AddDays(-3));
        }

        if (!container)
        {
            // Pull requests live days, not months; stories finished this week mostly started this autumn.
            var pr = item.Kind == "PullRequest";
            var earliest = item.Plan switch
            {
                Plan.DoneInWeek => pr ? Calendar.WeekStart.AddDays(-9) : Calendar.Utc(2026, 10, 1, 8, 0),
                Plan.InProgress when pr => Calendar.Utc(2026, 11, 2, 8, 0),
                Plan.InProgress when Rng.Chance(0.7) => Calendar.Utc(2026, 9, 21, 8, 0),
                _ => low,
            };
            low = Calendar.Max(low, Calendar.Min(earliest, createdHigh.AddDays(-2)));
        }

        item.Created = Calendar.Draw(Rng, low, createdHigh);
        var export = Calendar.Export;
        switch (item.Plan)
        {
            case Plan.ToDo:
                item.Updated = Calendar.Draw(Rng, item.Created, Calendar.Min(item.Created.AddDays(12), export));
                break;
            case Plan.InProgress:
                item.Updated = Rng.Chance(0.8)
                    ? Calendar.Draw(Rng, Calendar.Max(item.Created, Calendar.Utc(2026, 11, 12, 8, 0)), export)
                    : Calendar.Draw(Rng, item.Created, Calendar.Min(item.Created.AddDays(9), export));
                break;
            case Plan.DoneInWeek:
                item.Resolved = Calendar.Draw(Rng, Calendar.Max(item.Created.AddHours(6), Calendar.WeekStart.AddHours(7)), export.AddMinutes(-40));
                item.Updated = Calendar.Min(item.Resolved.Value.AddMinutes(Rng.Int(0, 90)), export);
                break;
            case Plan.DoneEarlier:
            {
                var high = Calendar.Min(item.Created.AddDays(container ? 60 : item.Kind == "PullRequest" ? 8 : 24), Calendar.WeekStart.AddHours(-30));
                if (parent?.Resolved is { } parentResolved)
                {
                    high = Calendar.Min(high, parentResolved.AddHours(-1));
                }

                var lowResolved = item.Created.AddHours(container ? 24 * 30 : item.Kind == "PullRequest" ? 2 : 20);
                item.Resolved = Calendar.Draw(Rng, Calendar.Min(lowResolved, high), high);
                item.Updated = item.Resolved.Value.AddMinutes(Rng.Int(0, 180));
                break;
            }

            default:
                item.Updated = Calendar.Draw(Rng, item.Created.AddDays(1), Calendar.Min(item.Created.AddDays(30), Calendar.Utc(2026, 11, 21, 12, 0)));
                item.Resolved = item.Updated;
                break;
        }

        if (item.Source == Src.Ado && item.Plan == Plan.DoneEarlier && item.Kind is "User Story" or "Bug" && Rng.Chance(0.2))
        {
            item.StopsAtResolved = true;
        }
    }

    // The plans promise buckets; fail loudly if a date came out on the wrong side of a boundary.
    private void Validate()
    {
        foreach (var item in Items)
        {
            var ok = item.Created >= Calendar.Start.AddDays(-3) && item.Updated >= item.Created && item.Updated <= Calendar.Export
                && (item.Parent is null || item.Created > item.Parent.Created)
                && item.Plan switch
                {
                    Plan.DoneInWeek => item.Resolved >= Calendar.WeekStart && item.Resolved < Calendar.WeekEnd,
                    Plan.DoneEarlier => item.Resolved < Calendar.WeekStart && item.Resolved > item.Created,
                    Plan.Removed => item.Resolved is not null,
                    _ => item.Resolved is null,
                };
            if (!ok)
            {
                throw new InvalidOperationException($"dates break the plan for {item.Source} {item.Title}: {item.Plan} {item.Created:o} {item.Updated:o} {item.Resolved:o}");
            }
        }
    }
}

internal static class Json
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Bytes(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            node.WriteTo(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string Write(string path, JsonNode node)
    {
        File.WriteAllBytes(path, Bytes(node));
        return path;
    }

    /// <summary>Empties a folder of earlier output so a shrinking export leaves no stale pages.</summary>
    public static void Reset(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".headers.txt", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
    }

    /// <summary>Jira and Azure DevOps write doubles the Java/.NET-server way: 3.0, not 3.</summary>
    public static JsonNode? JavaDouble(double? value) =>
        value is { } v ? JsonValue.Create(decimal.Round((decimal)v, 1) + 0.0m) : null;

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}

// ==================================================================== Jira Cloud: /rest/api/3/search/jql pages

internal static class JiraExport
{
    private const string Site = "https://acme.atlassian.net";
    private const int PageSize = 50;

    private static readonly Dictionary<string, (string Id, string Name)> Projects = new()
    {
        ["GRO"] = ("10021", "Growth"),
        ["PAY"] = ("10034", "Payments"),
    };

    private static readonly Dictionary<string, string> Components = new()
    {
        ["Checkout"] = "10140",
        ["Payments API"] = "10141",
        ["Refunds"] = "10142",
        ["Onboarding"] = "10110",
        ["Sign-up"] = "10111",
        ["Emails"] = "10112",
        ["Recommendations"] = "10113",
    };

    public static IEnumerable<string> Write(string folder, List<Item> items, Rng rng)
    {
        Json.Reset(folder);
        AssignKeys(items, rng);
        var ordered = items.OrderBy(i => i.Created).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        var written = new List<string> { Json.Write(Path.Combine(folder, "field.json"), Fields()) };
        var pages = ordered.Chunk(PageSize).ToList();
        for (var p = 0; p < pages.Count; p++)
        {
            var last = p == pages.Count - 1;
            var page = new JsonObject { ["issues"] = new JsonArray(pages[p].Select(i => (JsonNode?)Issue(i)).ToArray()) };
            if (!last)
            {
                page["nextPageToken"] = rng.Base64(45);
            }

            page["isLast"] = last;
            written.Add(Json.Write(Path.Combine(folder, $"search-{p + 1:000}.json"), page));
        }

        return written;
    }

    // Keys follow creation order per project; ids follow creation order across the site, with gaps
    // for issues of projects outside this export.
    private static void AssignKeys(List<Item> items, Rng rng)
    {
        var next = new Dictionary<string, int> { ["GRO"] = 301, ["PAY"] = 518 };
        long id = 10452;
        foreach (var item in items.OrderBy(i => i.Created))
        {
            id += rng.Int(1, 5);
            item.Id = id;
            item.Number = next[item.Scope]++;
            item.Key = $"{item.Scope}-{item.Number}";
        }
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    private static JsonObject Issue(Item item)
    {
        var fields = new JsonObject
        {
            ["summary"] = item.Title,
            ["issuetype"] = IssueType(item.Kind),
            ["status"] = Status(item),
            ["priority"] = Priority(item),
            ["project"] = Project(item.Scope),
            ["labels"] = Json.Strings(item.Labels),
            ["components"] = new JsonArray(item.Component is null ? [] : [Component(item.Component)]),
        };
        if (item.Parent is { } parent)
        {
            fields["parent"] = new JsonObject
            {
                ["id"] = parent.Id.ToString(CultureInfo.InvariantCulture),
                ["key"] = parent.Key,
                ["self"] = $"{Site}/rest/api/3/issue/{parent.Id}",
                ["fields"] = new JsonObject
                {
                    ["summary"] = parent.Title,
                    ["status"] = Status(parent),
                    ["priority"] = Priority(parent),
                    ["issuetype"] = IssueType(parent.Kind),
                },
            };
        }

        fields["assignee"] = item.Assignee is { } who ? User(who) : null;
        fields["reporter"] = User(item.Author);
        fields["created"] = Time(item.Created);
        fields["updated"] = Time(item.Updated);
        fields["resolutiondate"] = item.Resolved is { } done ? Time(done) : null;
        fields["resolution"] = item.Resolved is null ? null : new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/resolution/10000",
            ["id"] = "10000",
            ["description"] = "Work has been completed on this issue.",
            ["name"] = "Done",
        };
        fields["customfield_10016"] = Json.JavaDouble(item.Points);
        fields["customfield_10100"] = item.KrField;

        return new JsonObject
        {
            ["expand"] = "",
            ["id"] = item.Id.ToString(CultureInfo.InvariantCulture),
            ["self"] = $"{Site}/rest/api/3/issue/{item.Id}",
            ["key"] = item.Key,
            ["fields"] = fields,
        };
    }

    private static JsonObject IssueType(string kind)
    {
        var (id, description, level, avatar) = kind switch
        {
            "Epic" => ("10000", "Epics track collections of related bugs, stories, and tasks.", 1, 10307),
            "Story" => ("10001", "Stories track functionality or features expressed as user goals.", 0, 10315),
            "Task" => ("10002", "Tasks track small, distinct pieces of work.", 0, 10318),
            "Bug" => ("10003", "Bugs track problems or errors.", 0, 10303),
            _ => ("10004", "Subtasks track small pieces of work that are part of a larger task.", -1, 10316),
        };
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/issuetype/{id}",
            ["id"] = id,
            ["description"] = description,
            ["iconUrl"] = $"{Site}/rest/api/2/universal_avatar/view/type/issuetype/avatar/{avatar}?size=medium",
            ["name"] = kind,
            ["subtask"] = kind == "Sub-task",
            ["avatarId"] = avatar,
            ["hierarchyLevel"] = level,
        };
    }

    private static JsonObject Status(Item item)
    {
        var (name, id, categoryId, categoryKey, categoryName, color) = item.Plan switch
        {
            Plan.ToDo => ("To Do", "10000", 2, "new", "To Do", "blue-gray"),
            Plan.InProgress when item.Kind is "Story" or "Bug" && item.Id % 3 == 0 => ("In Review", "10001", 4, "indeterminate", "In Progress", "yellow"),
            Plan.InProgress => ("In Progress", "3", 4, "indeterminate", "In Progress", "yellow"),
            _ => ("Done", "10002", 3, "done", "Done", "green"),
        };
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/status/{id}",
            ["description"] = "",
            ["iconUrl"] = $"{Site}/",
            ["name"] = name,
            ["id"] = id,
            ["statusCategory"] = new JsonObject
            {
                ["self"] = $"{Site}/rest/api/3/statuscategory/{categoryId}",
                ["id"] = categoryId,
                ["key"] = categoryKey,
                ["colorName"] = color,
                ["name"] = categoryName,
            },
        };
    }

    private static JsonObject Priority(Item item)
    {
        var (name, id) = item.Kind == "Bug" ? ("High", "2") : ("Medium", "3");
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/priority/{id}",
            ["iconUrl"] = $"{Site}/images/icons/priorities/{name.ToLowerInvariant()}_new.svg",
            ["name"] = name,
            ["id"] = id,
        };
    }

    private static JsonObject Project(string key)
    {
        var (id, name) = Projects[key];
        return new JsonObject
        {
            ["self"] = $"{Site}/rest/api/3/project/{id}",
            ["id"] = id,
            ["key"] = key,
            ["name"] = name,
            ["projectTypeKey"] = "software",
            ["simplified"] = false,
        };
    }

    private static JsonObject Component(string name) => new()
    {
        ["self"] = $"{Site}/rest/api/3/component/{Components[name]}",
        ["id"] = Components[name],
        ["name"] = name,
    };

    private static JsonObject User(Person who) => new()
    {
        ["self"] = $"{Site}/rest/api/3/user?accountId={Uri.EscapeDataString(who.AccountId)}",
        ["accountId"] = who.AccountId,
        ["displayName"] = who.Name,
        ["active"] = true,
        ["timeZone"] = "Europe/Berlin",
        ["accountType"] = "atlassian",
    };

    private static JsonArray Fields()
    {
        JsonObject System(string id, string name, string type, string? items = null, bool orderable = true, bool navigable = true, bool searchable = true, string[]? clauses = null)
        {
            var schema = new JsonObject { ["type"] = type };
            if (items is not null)
            {
                schema["items"] = items;
            }

            schema["system"] = id;
            return new JsonObject
            {
                ["id"] = id,
                ["key"] = id,
                ["name"] = name,
                ["custom"] = false,
                ["orderable"] = orderable,
                ["navigable"] = navigable,
                ["searchable"] = searchable,
                ["clauseNames"] = Json.Strings(clauses ?? [id]),
                ["schema"] = schema,
            };
        }

        JsonObject Custom(int number, string name, string type, string plugin, string[] clauses, string? items = null)
        {
            var schema = new JsonObject { ["type"] = type };
            if (items is not null)
            {
                schema["items"] = items;
            }

            schema["custom"] = plugin;
            schema["customId"] = number;
            return new JsonObject
            {
                ["id"] = $"customfield_{number}",
                ["key"] = $"customfield_{number}",
                ["name"] = name,
                ["untranslatedName"] = name,
                ["custom"] = true,
                ["orderable"] = true,
                ["navigable"] = true,
                ["searchable"] = true,
                ["clauseNames"] = Json.Strings(clauses),
                ["schema"] = schema,
            };
        }

        return
        [
            System("summary", "Summary", "string"),
            System("issuetype", "Issue Type", "issuetype", clauses: ["issuetype", "type"]),
            System("status", "Status", "status", orderable: false),
            System("priority", "Priority", "priority"),
            System("project", "Project", "project", orderable: false),
            System("labels", "Labels", "array", items: "string"),
            System("components", "Components", "array", items: "component", clauses: ["component"]),
            System("parent", "Parent", "issuelink", orderable: false, clauses: ["parent"]),
            System("assignee", "Assignee", "user"),
            System("reporter", "Reporter", "user"),
            System("created", "Created", "datetime", orderable: false, clauses: ["created", "createdDate"]),
            System("updated", "Updated", "datetime", orderable: false, clauses: ["updated", "updatedDate"]),
            System("resolutiondate", "Resolved", "datetime", orderable: false, clauses: ["resolutiondate", "resolved"]),
            System("resolution", "Resolution", "resolution"),
            System("description", "Description", "string"),
            Custom(10014, "Epic Link", "any", "com.pyxis.greenhopper.jira:gh-epic-link", ["cf[10014]", "Epic Link"]),
            Custom(10016, "Story point estimate", "number", "com.pyxis.greenhopper.jira:jsw-story-points", ["cf[10016]", "Story point estimate"]),
            Custom(10019, "Rank", "any", "com.pyxis.greenhopper.jira:gh-lexo-rank", ["cf[10019]", "Rank"]),
            Custom(10020, "Sprint", "array", "com.pyxis.greenhopper.jira:gh-sprint", ["cf[10020]", "Sprint"], items: "json"),
            Custom(10028, "Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float", ["cf[10028]", "Story Points"]),
            Custom(10100, "Key Result", "string", "com.atlassian.jira.plugin.system.customfieldtypes:textfield", ["cf[10100]", "Key Result", "Key Result[Short text]"]),
        ];
    }
}

// ==================================================================== Azure DevOps: workitemsbatch bodies

internal static class AdoExport
{
    private const string Org = "https://dev.azure.com/acme";
    private const int BatchSize = 50;

    public static IEnumerable<string> Write(string folder, List<Item> items, Rng rng)
    {
        Json.Reset(folder);
        long id = 4652;
        foreach (var item in items.OrderBy(i => i.Created))
        {
            id += rng.Int(1, 4);
            item.Id = id;
            item.Key = id.ToString(CultureInfo.InvariantCulture);
        }

        var written = new List<string>();
        var batches = items.OrderBy(i => i.Id).Chunk(BatchSize).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            var body = new JsonObject
            {
                ["count"] = batches[b].Length,
                ["value"] = new JsonArray(batches[b].Select(i => (JsonNode?)WorkItem(i, rng)).ToArray()),
            };
            written.Add(Json.Write(Path.Combine(folder, $"workitemsbatch-{b + 1:000}.json"), body));
        }

        return written;
    }

    // Azure DevOps drops trailing zeros of the milliseconds (and the dot when there are none).
    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);

    private static JsonObject WorkItem(Item item, Rng rng)
    {
        var (state, reason) = State(item);
        var fields = new JsonObject
        {
            ["System.Id"] = item.Id,
            ["System.AreaPath"] = item.Scope,
            ["System.TeamProject"] = "Shop",
            ["System.IterationPath"] = Iteration(item),
            ["System.WorkItemType"] = item.Kind,
            ["System.State"] = state,
            ["System.Reason"] = reason,
        };
        if (item.Assignee is { } who && item.Plan != Plan.Removed)
        {
            fields["System.AssignedTo"] = Identity(who);
        }

        fields["System.CreatedDate"] = Time(item.Created);
        fields["System.CreatedBy"] = Identity(item.Author);
        fields["System.ChangedDate"] = Time(item.Updated);
        fields["System.ChangedBy"] = Identity(item.Assignee ?? item.Author);
        fields["System.CommentCount"] = rng.Int(0, 6);
        fields["System.Title"] = item.Title;
        if (item.Parent is { } parent)
        {
            fields["System.Parent"] = parent.Id;
        }

        fields["Microsoft.VSTS.Common.StateChangeDate"] = Time(item.Resolved ?? (item.Plan == Plan.InProgress ? ActivatedDate(item) : item.Created));
        if (item.Plan is Plan.InProgress or Plan.DoneInWeek or Plan.DoneEarlier)
        {
            fields["Microsoft.VSTS.Common.ActivatedDate"] = Time(ActivatedDate(item));
        }

        if (item.Resolved is { } done && item.Plan is Plan.DoneInWeek or Plan.DoneEarlier)
        {
            if (item.Kind != "Task")
            {
                // Closed items went through Resolved a little earlier, never across the week's start.
                var resolvedAt = item.StopsAtResolved ? done : done.AddMinutes(-rng.Int(30, 20 * 60));
                var floor = done >= Calendar.WeekStart ? Calendar.WeekStart : item.Created;
                if (resolvedAt <= floor)
                {
                    resolvedAt = floor + ((done - floor) / 2);
                }

                fields["Microsoft.VSTS.Common.ResolvedDate"] = Time(resolvedAt);
            }

            if (!item.StopsAtResolved)
            {
                fields["Microsoft.VSTS.Common.ClosedDate"] = Time(done);
            }
        }

        fields["Microsoft.VSTS.Common.Priority"] = item.Kind == "Bug" ? 1 : 2;
        if (item.Kind == "Bug")
        {
            fields["Microsoft.VSTS.Common.Severity"] = "3 - Medium";
        }

        if (item.Points is { } points)
        {
            fields["Microsoft.VSTS.Scheduling.StoryPoints"] = Json.JavaDouble(points);
        }

        if (item.Kind == "Task" && item.Plan is Plan.InProgress or Plan.ToDo)
        {
            fields["Microsoft.VSTS.Scheduling.RemainingWork"] = Json.JavaDouble(rng.Pick<double>([2, 4, 6, 8]));
        }

        if (item.KrField is { } kr)
        {
            fields["Custom.KeyResult"] = kr;
        }

        if (item.Labels.Count > 0)
        {
            fields["System.Tags"] = string.Join("; ", item.Labels.OrderBy(l => l, StringComparer.OrdinalIgnoreCase));
        }

        return new JsonObject
        {
            ["id"] = item.Id,
            ["rev"] = Revisions(item),
            ["fields"] = fields,
            ["url"] = $"{Org}/_apis/wit/workItems/{item.Id}",
        };
    }

    private static DateTime ActivatedDate(Item item)
    {
        var end = item.Resolved ?? item.Updated;
        return Calendar.Max(item.Created, end.AddDays(-Math.Min(6, Math.Max(0, (end - item.Created).TotalDays / 2))));
    }

    private static int Revisions(Item item) => item.Plan switch
    {
        Plan.ToDo => 1 + (int)(item.Id % 3),
        Plan.InProgress => 4 + (int)(item.Id % 7),
        Plan.Removed => 3 + (int)(item.Id % 3),
        _ => 6 + (int)(item.Id % 9),
    };

    private static (string State, string Reason) State(Item item) => item.Plan switch
    {
        Plan.ToDo => ("New", item.Kind == "Bug" ? "New defect reported" : "New"),
        Plan.InProgress => ("Active", item.Kind == "Bug" ? "Approved" : "Implementation started"),
        Plan.Removed => ("Removed", "Removed from the backlog"),
        _ when item.StopsAtResolved => ("Resolved", item.Kind == "Bug" ? "Fixed" : "Code complete and unit tests pass"),
        _ => ("Closed", item.Kind switch
        {
            "Bug" => "Verified",
            "Task" => "Completed",
            _ => "Acceptance tests pass",
        }),
    };

    // Two-week sprints; Sprint 23 runs Mon 2026-11-09 .. Sun 2026-11-22.
    private static string Iteration(Item item)
    {
        static int Sprint(DateTime t) => 1 + (int)((t - new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)).TotalDays / 14);
        return item.Plan switch
        {
            Plan.InProgress => @"Shop\Sprint 23",
            Plan.DoneInWeek or Plan.DoneEarlier when item.Kind is not ("Epic" or "Feature") => $@"Shop\Sprint {Sprint(item.Resolved!.Value)}",
            Plan.ToDo when item.Assignee is not null => @"Shop\Sprint 24",
            _ => "Shop",
        };
    }

    private static JsonObject Identity(Person who)
    {
        var descriptor = "aad." + Convert.ToBase64String(Encoding.UTF8.GetBytes(who.Guid)).TrimEnd('=');
        return new JsonObject
        {
            ["displayName"] = who.Name,
            ["url"] = $"https://spsprodweu5.vssps.visualstudio.com/A6e1f0c2b-7d3a-4f58-9b2e-1c4d5a6b7e8f/_apis/Identities/{who.Guid}",
            ["_links"] = new JsonObject { ["avatar"] = new JsonObject { ["href"] = $"{Org}/_apis/GraphProfile/MemberAvatars/{descriptor}" } },
            ["id"] = who.Guid,
            ["uniqueName"] = who.Email,
            ["imageUrl"] = $"{Org}/_apis/GraphProfile/MemberAvatars/{descriptor}",
            ["descriptor"] = descriptor,
        };
    }
}

// ==================================================================== GitHub: GET /repos/{owner}/{repo}/issues pages

internal static class GitHubExport
{
    private const string Api = "https://api.github.com";
    private const int PerPage = 100;

    private static readonly Dictionary<string, (long Id, int FirstNumber)> Repos = new()
    {
        ["acme/web"] = (812334507, 1412),
        ["acme/design-system"] = (812339911, 388),
    };

    private static readonly Dictionary<string, (string Color, string Description, bool Default)> LabelStyles = new()
    {
        ["bug"] = ("d73a4a", "Something isn't working", true),
        ["enhancement"] = ("a2eeef", "New feature or request", true),
        ["dependencies"] = ("0366d6", "Pull requests that update a dependency file", false),
        ["support"] = ("d4c5f9", "Raised by customer support", false),
        ["tech-debt"] = ("fbca04", "Work that keeps the codebase healthy", false),
        ["performance"] = ("1d76db", "Speed and Core Web Vitals", false),
        ["needs-triage"] = ("ededed", "Not looked at yet", false),
    };

    private static readonly Dictionary<string, (long Id, string NodeId, string Description, string Color)> IssueTypes = new()
    {
        ["Task"] = (1640201, "IT_kwDOB1a2b84AGQBJ", "A specific piece of work", "yellow"),
        ["Bug"] = (1640202, "IT_kwDOB1a2b84AGQBK", "An unexpected problem or behavior", "red"),
        ["Feature"] = (1640203, "IT_kwDOB1a2b84AGQBL", "A request, idea, or new functionality", "blue"),
    };

    public static IEnumerable<string> Write(string folder, List<Item> items, Rng rng)
    {
        Json.Reset(folder);
        var written = new List<string>();
        long issueId = 3512006344;
        foreach (var repo in Repos.Keys)
        {
            var repoItems = items.Where(i => i.Scope == repo).OrderBy(i => i.Created).ToList();
            var number = Repos[repo].FirstNumber;
            foreach (var item in repoItems)
            {
                issueId += rng.Int(20_000, 400_000);
                item.Id = issueId;
                item.Number = number++;
                item.Key = $"{repo}#{item.Number}";
            }
        }

        foreach (var repo in Repos.Keys)
        {
            // The list's default order: newest first.
            var ordered = items.Where(i => i.Scope == repo).OrderByDescending(i => i.Created).ToList();
            var pages = ordered.Chunk(PerPage).ToList();
            var slug = repo.Replace('/', '-');
            for (var p = 0; p < pages.Count; p++)
            {
                var body = new JsonArray(pages[p].Select(i => (JsonNode?)Issue(i)).ToArray());
                var bytes = Json.Bytes(body);
                var name = $"issues-{slug}-{p + 1:000}";
                var jsonPath = Path.Combine(folder, name + ".json");
                File.WriteAllBytes(jsonPath, bytes);
                var headersPath = Path.Combine(folder, name + ".headers.txt");
                File.WriteAllText(headersPath, Headers(repo, p + 1, pages.Count, bytes, rng));
                written.Add(jsonPath);
                written.Add(headersPath);
            }
        }

        return written;
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Issue(Item item)
    {
        var repoUrl = $"{Api}/repos/{item.Scope}";
        var url = $"{repoUrl}/issues/{item.Number}";
        var pr = item.Kind == "PullRequest";
        var closed = item.Plan is Plan.DoneInWeek or Plan.DoneEarlier or Plan.Removed;
        var assignee = pr ? (item.Dependabot ? null : item.Author) : (item.Plan == Plan.ToDo ? null : item.Assignee);
        var node = new JsonObject
        {
            ["url"] = url,
            ["repository_url"] = repoUrl,
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["html_url"] = $"https://github.com/{item.Scope}/{(pr ? "pull" : "issues")}/{item.Number}",
            ["id"] = item.Id,
            ["node_id"] = (pr ? "PR_kwDOMGq" : "I_kwDOMGq") + NodeSuffix(item.Id),
            ["number"] = item.Number,
            ["title"] = item.Title,
            ["user"] = User(item.Dependabot ? Story.Dependabot : item.Author),
            ["labels"] = new JsonArray(item.Labels.Select(l => (JsonNode?)Label(item.Scope, l)).ToArray()),
            ["state"] = closed ? "closed" : "open",
            ["locked"] = false,
            ["assignee"] = assignee is null ? null : User(assignee),
            ["assignees"] = new JsonArray(assignee is null ? [] : [User(assignee)]),
            ["milestone"] = null,
            ["comments"] = (int)(item.Id % 7),
            ["created_at"] = Time(item.Created),
            ["updated_at"] = Time(item.Updated),
            ["closed_at"] = closed ? Time(item.Resolved!.Value) : null,
            ["author_association"] = item.Dependabot ? "CONTRIBUTOR" : "MEMBER",
            ["type"] = item.IssueType is { } type ? IssueTypeNode(type) : null,
            ["active_lock_reason"] = null,
        };
        if (pr)
        {
            node["draft"] = item.Draft;
            node["pull_request"] = new JsonObject
            {
                ["url"] = $"{repoUrl}/pulls/{item.Number}",
                ["html_url"] = $"https://github.com/{item.Scope}/pull/{item.Number}",
                ["diff_url"] = $"https://github.com/{item.Scope}/pull/{item.Number}.diff",
                ["patch_url"] = $"https://github.com/{item.Scope}/pull/{item.Number}.patch",
                ["merged_at"] = item.Plan is Plan.DoneInWeek or Plan.DoneEarlier ? Time(item.Resolved!.Value) : null,
            };
        }

        node["body"] = item.Body ?? Body(item);
        if (!pr)
        {
            var done = item.Children.Count(c => c.Plan is Plan.DoneInWeek or Plan.DoneEarlier or Plan.Removed);
            node["sub_issues_summary"] = new JsonObject
            {
                ["total"] = item.Children.Count,
                ["completed"] = done,
                ["percent_completed"] = item.Children.Count == 0 ? 0 : done * 100 / item.Children.Count,
            };
        }

        if (item.Parent is { } parent)
        {
            node["parent_issue_url"] = $"{Api}/repos/{parent.Scope}/issues/{parent.Number}";
        }

        node["reactions"] = new JsonObject
        {
            ["url"] = url + "/reactions",
            ["total_count"] = 0,
            ["+1"] = 0,
            ["-1"] = 0,
            ["laugh"] = 0,
            ["hooray"] = 0,
            ["confused"] = 0,
            ["heart"] = 0,
            ["rocket"] = 0,
            ["eyes"] = 0,
        };
        node["timeline_url"] = url + "/timeline";
        node["performed_via_github_app"] = null;
        node["state_reason"] = pr ? null : item.Plan switch
        {
            Plan.DoneInWeek or Plan.DoneEarlier => "completed",
            Plan.Removed => "not_planned",
            _ when item.Reopened => "reopened",
            _ => null,
        };
        return node;
    }

    private static string? Body(Item item)
    {
        if (item.Kind == "PullRequest")
        {
            return null;
        }

        if (item.Children.Count > 0)
        {
            return "Tracking issue. Sub-issues hold the work; this one closes when the KR moves.";
        }

        return item.Labels.Contains("support") ? "Reported through Zendesk. Steps to reproduce are in the ticket." : null;
    }

    private static string NodeSuffix(long id)
    {
        var bytes = BitConverter.GetBytes(id);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static JsonObject User(Person who)
    {
        var bot = who.Login.EndsWith("[bot]", StringComparison.Ordinal);
        var login = Uri.EscapeDataString(who.Login).Replace("%5B", "[", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);
        return new JsonObject
        {
            ["login"] = who.Login,
            ["id"] = who.GitHubId,
            ["node_id"] = Convert.ToBase64String(Encoding.ASCII.GetBytes((bot ? "03:Bot" : "04:User") + who.GitHubId.ToString(CultureInfo.InvariantCulture))),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/{(bot ? "in/29110" : "u/" + who.GitHubId)}?v=4",
            ["gravatar_id"] = "",
            ["url"] = $"{Api}/users/{login}",
            ["html_url"] = bot ? "https://github.com/apps/dependabot" : $"https://github.com/{login}",
            ["followers_url"] = $"{Api}/users/{login}/followers",
            ["following_url"] = $"{Api}/users/{login}/following{{/other_user}}",
            ["gists_url"] = $"{Api}/users/{login}/gists{{/gist_id}}",
            ["starred_url"] = $"{Api}/users/{login}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{Api}/users/{login}/subscriptions",
            ["organizations_url"] = $"{Api}/users/{login}/orgs",
            ["repos_url"] = $"{Api}/users/{login}/repos",
            ["events_url"] = $"{Api}/users/{login}/events{{/privacy}}",
            ["received_events_url"] = $"{Api}/users/{login}/received_events",
            ["type"] = bot ? "Bot" : "User",
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    private static JsonObject Label(string repo, string name)
    {
        var (color, description, isDefault) = LabelStyles.TryGetValue(name, out var style)
            ? style
            : ("0e8a16", name.StartsWith("kr:", StringComparison.OrdinalIgnoreCase) ? $"Serves key result {name[3..]}" : "", false);
        var id = 7_400_000_000L + Math.Abs(StableHash(repo + "|" + name) % 90_000_000);
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = "LA_kwDOMGq" + NodeSuffix(id),
            ["url"] = $"{Api}/repos/{repo}/labels/{Uri.EscapeDataString(name).Replace("%3A", ":", StringComparison.Ordinal)}",
            ["name"] = name,
            ["color"] = color,
            ["default"] = isDefault,
            ["description"] = description,
        };
    }

    private static JsonObject IssueTypeNode(string name)
    {
        var (id, nodeId, description, color) = IssueTypes[name];
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = nodeId,
            ["name"] = name,
            ["description"] = description,
            ["color"] = color,
            ["created_at"] = "2025-03-11T14:02:17Z",
            ["updated_at"] = "2025-03-11T14:02:17Z",
            ["is_enabled"] = true,
        };
    }

    private static long StableHash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BitConverter.ToInt64(digest, 0);
    }

    private static string Headers(string repo, int page, int pages, byte[] body, Rng rng)
    {
        var repoId = Repos[repo].Id;
        string PageUrl(int n) => $"{Api}/repositories/{repoId}/issues?state=all&per_page={PerPage}&page={n}";
        var links = new List<string>();
        if (page < pages)
        {
            links.Add($"<{PageUrl(page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(pages)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(page - 1)}>; rel=\"prev\"");
            links.Add($"<{PageUrl(1)}>; rel=\"first\"");
        }

        var etag = Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant();
        var lines = new List<string>
        {
            ":status: 200",
            "Server: GitHub.com",
            "Date: Sun, 22 Nov 2026 10:30:0" + page + " GMT",
            "Content-Type: application/json; charset=utf-8",
            "Cache-Control: private, max-age=60, s-maxage=60",
            "Vary: Accept, Authorization, Cookie, X-GitHub-OTP",
            $"ETag: W/\"{etag}\"",
            "X-OAuth-Scopes: repo",
            "X-Accepted-OAuth-Scopes: repo",
            "X-GitHub-Media-Type: github.v3; format=json",
            "X-GitHub-Api-Version-Selected: 2022-11-28",
        };
        if (links.Count > 0)
        {
            lines.Add("Link: " + string.Join(", ", links));
        }

        lines.AddRange(
        [
            "X-RateLimit-Limit: 5000",
            $"X-RateLimit-Remaining: {4990 - page - (repo.Length % 5)}",
            "X-RateLimit-Reset: 1795347000",
            $"X-RateLimit-Used: {10 + page + (repo.Length % 5)}",
            "X-RateLimit-Resource: core",
            $"X-GitHub-Request-Id: {rng.Hex(2).ToUpperInvariant()}:{rng.Hex(2).ToUpperInvariant()}:{rng.Hex(3).ToUpperInvariant()}:{rng.Hex(4).ToUpperInvariant()}:{rng.Hex(4).ToUpperInvariant()}",
        ]);
        return string.Join("\n", lines) + "\n";
    }
}
