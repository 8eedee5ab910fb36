namespace OkrLinker.Core.WriteBack;

/// <summary>What one write-back did: every request sent (method, path, body; never a credential) and the tracker's last answer.</summary>
/// <param name="Status">The status of the tracker's last answer; null when none came (a connection failure).</param>
/// <param name="Sent">The requests in order, one per line: <c>POST /repos/acme/web/issues/12/labels {"labels":["kr:O1-KR1"]}</c>.</param>
/// <param name="Answer">The tracker's answer in a sentence: what changed, or why nothing did.</param>
public sealed record TagWriteResult(bool Succeeded, int? Status, string Sent, string Answer);
