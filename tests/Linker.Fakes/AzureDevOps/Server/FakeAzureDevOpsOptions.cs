using System.Net;

namespace OkrLinker.Fakes;

/// <summary>How a <see cref="FakeAzureDevOps"/> behaves; every member has a working default.</summary>
public sealed record FakeAzureDevOpsOptions
{
    /// <summary>The only accepted PAT (Basic auth, any user name); default a fresh random value per server.</summary>
    public string? Token { get; init; }

    /// <summary>What a wrong or missing PAT gets: 401, or 203 with the HTML sign-in page (what dev.azure.com sends browsers and some clients).</summary>
    public HttpStatusCode BadTokenAnswer { get; init; } = HttpStatusCode.Unauthorized;

    /// <summary>False: the PAT authenticates but lacks the Work Items (Read) scope, so every <c>_apis/wit/</c> route answers 401.</summary>
    public bool TokenCanReadWorkItems { get; init; } = true;

    /// <summary>The newest REST API version served: "7.1" (Azure DevOps Services) or "7.0" (Azure DevOps Server 2022).</summary>
    public string MaxApiVersion { get; init; } = "7.1";

    /// <summary>
    /// True: more than 20,000 matches fail with VS402337 even when <c>$top</c> asks for fewer (the stricter reading
    /// of the cap); false: <c>$top</c> cuts the result and only an uncut result over 20,000 fails.
    /// </summary>
    public bool CapCountsBeforeTop { get; init; }

    /// <summary>A delay before every answer, a realistic round trip for benchmarks; default none.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>The time stamps of the request journal.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
