namespace OkrLinker.Samples;

/// <summary>The GitHub repos acme/web and acme/design-system (web).</summary>
internal sealed partial class Story
{
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

    // ---------------------------------------------------------------- acme/web pull requests that name Jira and Azure DevOps items

    // Engineers plan in Jira and Azure Boards and deliver in GitHub. These pull requests name the item they
    // implement instead of a KR tag. They are made last, from fixed times after every other acme/web item and
    // without the story's random draws, so every item before them keeps its number, dates and ids.
    private void GitHubCrossReferences()
    {
        var retryStory = StoryUnder(Src.Jira, "Smart payment retries");
        var firstCartStory = StoryUnder(Src.Jira, "Fewer steps to the first add-to-cart");
        var addressStory = StoryUnder(Src.Ado, "Address autocomplete");
        var feedStory = StoryUnder(Src.Ado, "Personalised home feed for new accounts");
        var onePageStory = StoryUnder(Src.Jira, "One-page checkout");
        var adyenStory = StoryUnder(Src.Jira, "Move card processing to Adyen");

        CrossReference("{0}: retry soft declines once after 2 s", "Retries a soft decline once, as the story asks.", Plan.DoneInWeek, Jun, retryStory);
        CrossReference("feat(signup): guest add-to-cart", "Implements {0}.\n\nGuests keep their cart when they sign up.", Plan.InProgress, Sofia, firstCartStory);
        CrossReference("fix(checkout): autocomplete house numbers", "Fixes {0}", Plan.DoneInWeek, Kenji, addressStory);
        CrossReference("{0} home feed skeleton screens", null, Plan.InProgress, Jun, feedStory);

        // Its own KR tag wins over the story it names (that one serves O2-KR1).
        CrossReference("perf(checkout): lazy-load the payment widgets [O3-KR1]", "Part of {0}.", Plan.DoneInWeek, Sofia, onePageStory);

        // The Adyen story serves no KR, so neither does its pull request; OPS is no synced project.
        CrossReference("{0}: Adyen webhooks for refunds", null, Plan.InProgress, Kenji, adyenStory);
        CrossReference("OPS-112: rotate the CDN TLS certificate", "Ops asked for it in OPS-112.", Plan.DoneInWeek, Jun);
    }

    // The first story in progress under the named epic or feature, one without sub-tasks when there is one.
    private Item StoryUnder(Src source, string parentTitle) =>
        Items.Where(i => i.Source == source && i.Parent?.Title == parentTitle && i.Plan == Plan.InProgress)
            .OrderBy(i => i.Children.Count > 0)
            .First();

    private void CrossReference(string title, string? body, Plan plan, Person author, params Item[] mentions)
    {
        var made = Items.Count(i => i.Mentions.Count > 0 || i.Title.StartsWith("OPS-", StringComparison.Ordinal));
        var created = Calendar.Utc(2026, 11, 21, 18, 0).AddMinutes(37 * made);
        var item = new Item
        {
            Source = Src.GitHub,
            Scope = "acme/web",
            Kind = "PullRequest",
            Title = title,
            Plan = plan,
            Author = author,
            Assignee = author,
            Body = body,
            Created = created,
            Updated = created.AddHours(12),
            Resolved = plan == Plan.DoneInWeek ? created.AddHours(12) : null,
        };
        item.Mentions.AddRange(mentions);
        Items.Add(item);
    }
}
