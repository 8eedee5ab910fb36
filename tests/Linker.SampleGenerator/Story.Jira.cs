namespace OkrLinker.Samples;

/// <summary>The Jira projects GRO (growth) and PAY (payments).</summary>
internal sealed partial class Story
{
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
}
