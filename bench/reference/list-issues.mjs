// The reference client of issue 11, target 4: GitHub's own JavaScript SDK listing every issue and pull
// request of one repo, 100 a page, the way its README recommends (octokit.paginate follows Link rel="next").
// usage: node list-issues.mjs BASE_URL OWNER REPO   (token in GITHUB_TOKEN)
// Prints one line of JSON: {"items":N,"requests":N,"ms":N}; ms is the listing alone, from the first request to the last page.
import { Octokit } from "@octokit/rest";

const [baseUrl, owner, repo] = process.argv.slice(2);
if (!baseUrl || !owner || !repo) {
  console.error("usage: node list-issues.mjs BASE_URL OWNER REPO  (token in GITHUB_TOKEN)");
  process.exit(2);
}

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN, baseUrl: baseUrl.replace(/\/$/, "") });
let requests = 0;
octokit.hook.before("request", () => { requests++; });

const started = process.hrtime.bigint();
const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, state: "all", per_page: 100 });
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(JSON.stringify({ items: issues.length, requests, ms: Math.round(ms) }));
