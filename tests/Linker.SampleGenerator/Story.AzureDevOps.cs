namespace OkrLinker.Samples;

/// <summary>The Azure DevOps area paths Shop\Onboarding (growth) and Shop\Checkout (payments).</summary>
internal sealed partial class Story
{
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
}
