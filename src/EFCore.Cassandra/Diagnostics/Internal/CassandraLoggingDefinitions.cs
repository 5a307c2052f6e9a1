using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EntityFrameworkCore.Cassandra.Diagnostics.Internal;

/// <summary>The cached log message definitions of the provider (it defines no provider-specific events yet).</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraLoggingDefinitions : RelationalLoggingDefinitions;
