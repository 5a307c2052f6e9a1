namespace CqlConnector.Diagnostics;

/// <summary>
/// The names under which CqlConnector publishes its telemetry, for OpenTelemetry or any other listener:
/// <c>AddMeter(CqlTelemetry.MeterName)</c>, <c>AddSource(CqlTelemetry.ActivitySourceName)</c>.
/// </summary>
public static class CqlTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> with the driver's metrics.</summary>
    public const string MeterName = "CqlConnector";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> that starts one span per request.</summary>
    public const string ActivitySourceName = "CqlConnector";

    /// <summary>
    /// The <see cref="AppContext"/> switch that makes request spans carry the CQL text (<c>db.query.text</c>). Off by
    /// default: CQL may embed literal values. Set it with
    /// <c>AppContext.SetSwitch(CqlTelemetry.RecordQueryTextSwitch, true)</c> before the first request.
    /// </summary>
    public const string RecordQueryTextSwitch = "CqlConnector.Diagnostics.RecordQueryText";

    internal static bool RecordQueryText { get; } = AppContext.TryGetSwitch(RecordQueryTextSwitch, out var enabled) && enabled;
}
