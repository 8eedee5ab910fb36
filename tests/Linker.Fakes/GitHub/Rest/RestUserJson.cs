using System.Text.Json;
using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.Rest;

/// <summary>The simple-user object GitHub embeds (user, assignee, owner).</summary>
internal static class RestUserJson
{
    public static void Write(Utf8JsonWriter writer, string login, string apiRoot, string htmlRoot, string type = "User")
    {
        writer.WriteStartObject();
        writer.WriteString("login", login);
        writer.WriteNumber("id", 31_000_000 + (FakeLabels.IdOf("user:" + login) % 1_000_000));
        writer.WriteString("node_id", FakeNodeIds.Owner(login));
        writer.WriteString("avatar_url", $"{htmlRoot}avatars/{login}");
        writer.WriteString("gravatar_id", "");
        writer.WriteString("url", $"{apiRoot}users/{login}");
        writer.WriteString("html_url", $"{htmlRoot}{login}");
        writer.WriteString("type", type);
        writer.WriteBoolean("site_admin", false);
        writer.WriteEndObject();
    }
}
