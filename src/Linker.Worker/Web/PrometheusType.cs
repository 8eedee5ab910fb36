namespace OkrLinker.Worker.Web;

/// <summary>The metric types /metrics uses, written lower-case on <c># TYPE</c> lines.</summary>
internal enum PrometheusType
{
    Counter,
    Gauge,
}
