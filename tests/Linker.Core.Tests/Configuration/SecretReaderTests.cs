using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Tests.Configuration;

/// <summary>
/// The one set of rules every secret of the config is read by (source tokens, metric connection
/// strings and headers, webhook URLs, SMTP credentials).
/// </summary>
public sealed class SecretReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("okr-secrets-").FullName;
    private readonly string variable = "OKRLINKER_TEST_SECRET_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    private SecretReader Reader => new(new ConfigLocation(folder));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(variable, null);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Nothing_named_means_no_secret_wanted()
    {
        Assert.Null(Reader.Read("Auth.TokenEnv", null, "Auth.TokenFile", " "));
    }

    [Fact]
    public void The_variable_is_read_and_trimmed()
    {
        Environment.SetEnvironmentVariable(variable, "  s3cr3t\n");

        var secret = Reader.Read("Auth.TokenEnv", variable, "Auth.TokenFile", null);

        Assert.Equal(new Secret("s3cr3t", "Auth.TokenEnv", $"the environment variable {variable}"), secret);
    }

    [Fact]
    public void An_unset_variable_fails_naming_the_key_and_the_variable()
    {
        var error = Assert.Throws<SecretException>(() => Reader.Read("Auth.TokenEnv", variable));

        Assert.Equal("Auth.TokenEnv", error.Key);
        Assert.Equal($"the environment variable {variable} (Auth.TokenEnv) is not set", error.Message);
    }

    [Fact]
    public void A_variable_of_blanks_counts_as_unset()
    {
        Environment.SetEnvironmentVariable(variable, " \t ");

        var error = Assert.Throws<SecretException>(() => Reader.Read("PasswordEnv", variable));

        Assert.Equal($"the environment variable {variable} (PasswordEnv) is not set", error.Message);
    }

    [Fact]
    public void The_file_is_read_relative_to_the_config_folder_and_trimmed()
    {
        Directory.CreateDirectory(Path.Combine(folder, "secrets"));
        File.WriteAllText(Path.Combine(folder, "secrets", "token"), "from-the-file\r\n");

        var secret = Reader.Read("Auth.TokenEnv", null, "Auth.TokenFile", "secrets/token");

        Assert.Equal(new Secret("from-the-file", "Auth.TokenFile", $"the file {Path.Combine(folder, "secrets", "token")}"), secret);
    }

    [Fact]
    public void A_missing_file_fails_naming_the_key_and_the_full_path()
    {
        var error = Assert.Throws<SecretException>(() => Reader.Read("WebhookEnv", null, "WebhookFile", "teams.url"));

        Assert.Equal("WebhookFile", error.Key);
        Assert.Equal($"the file {Path.Combine(folder, "teams.url")} (WebhookFile) is missing", error.Message);
    }

    [Fact]
    public void An_empty_file_counts_as_missing()
    {
        File.WriteAllText(Path.Combine(folder, "token"), "\n  \n");

        var error = Assert.Throws<SecretException>(() => Reader.Read("Auth.TokenEnv", null, "Auth.TokenFile", "token"));

        Assert.Equal($"the file {Path.Combine(folder, "token")} (Auth.TokenFile) is empty", error.Message);
    }

    [Fact]
    public void A_folder_in_place_of_the_file_fails_naming_what_went_wrong_not_the_content()
    {
        Directory.CreateDirectory(Path.Combine(folder, "token"));

        var error = Assert.Throws<SecretException>(() => Reader.Read("Auth.TokenEnv", null, "Auth.TokenFile", "token"));

        Assert.Equal($"the file {Path.Combine(folder, "token")} (Auth.TokenFile) cannot be read: UnauthorizedAccessException", error.Message);
    }

    [Fact]
    public void The_variable_wins_over_the_file_when_both_hold_a_value()
    {
        Environment.SetEnvironmentVariable(variable, "from-the-variable");
        File.WriteAllText(Path.Combine(folder, "token"), "from-the-file");

        var secret = Reader.Read("Auth.TokenEnv", variable, "Auth.TokenFile", "token");

        Assert.Equal("from-the-variable", secret?.Value);
    }

    [Fact]
    public void The_file_is_read_when_the_variable_named_beside_it_is_unset()
    {
        File.WriteAllText(Path.Combine(folder, "token"), "from-the-file");

        var secret = Reader.Read("Auth.TokenEnv", variable, "Auth.TokenFile", "token");

        Assert.Equal(new Secret("from-the-file", "Auth.TokenFile", $"the file {Path.Combine(folder, "token")}"), secret);
    }

    [Fact]
    public void When_neither_holds_a_value_the_error_names_both()
    {
        var error = Assert.Throws<SecretException>(() => Reader.Read("WebhookEnv", variable, "WebhookFile", "hook.url"));

        Assert.Equal("WebhookFile", error.Key);
        Assert.Equal(
            $"the environment variable {variable} (WebhookEnv) is not set and the file {Path.Combine(folder, "hook.url")} (WebhookFile) is missing",
            error.Message);
    }

    [Fact]
    public void Require_says_what_to_set_when_nothing_is_named()
    {
        var error = Assert.Throws<SecretException>(() => Reader.Require("ConnectionStringEnv", "", "missing; name the environment variable that holds the connection string"));

        Assert.Equal("ConnectionStringEnv", error.Key);
        Assert.Equal("missing; name the environment variable that holds the connection string", error.Message);
    }

    [Fact]
    public void A_secret_printed_by_mistake_shows_where_it_lives_not_its_value()
    {
        Environment.SetEnvironmentVariable(variable, "s3cr3t");

        var secret = Reader.Read("Auth.TokenEnv", variable);

        Assert.Equal($"the environment variable {variable} (Auth.TokenEnv)", $"{secret}");
    }

    [Theory]
    [InlineData("JIRA_TOKEN", "token.txt", "JIRA_TOKEN")]
    [InlineData(null, "token.txt", "token.txt")]
    [InlineData(" ", null, "(no secret configured)")]
    public void Describe_names_the_variable_or_the_file(string? variable, string? file, string expected)
    {
        Assert.Equal(expected, SecretReader.Describe(variable, file));
    }
}
