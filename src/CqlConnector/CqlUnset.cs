namespace CqlConnector;
#pragma warning disable CS1591
public sealed class CqlUnset { public static CqlUnset Value { get; } = new(); }
