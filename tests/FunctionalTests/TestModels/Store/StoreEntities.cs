using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Numerics;

using CqlConnector;

using EntityFrameworkCore.Cassandra.Metadata;
using EntityFrameworkCore.Cassandra.Metadata.Attributes;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

/// <summary>A sensor reading: partition (SensorId, Day), clustering At DESC then Seq ASC, a static sensor name.</summary>
[PrimaryKey(nameof(SensorId), nameof(Day), nameof(At), nameof(Seq))]
public class Reading
{
    [PartitionKey(0)]
    public Guid SensorId { get; set; }

    [PartitionKey(1)]
    public int Day { get; set; }

    [ClusteringOrder(ClusteringOrder.Descending)]
    public DateTime At { get; set; }

    public int Seq { get; set; }

    [StaticColumn]
    public string? SensorName { get; set; }

    public double Value { get; set; }
}

/// <summary>A counter table.</summary>
public class PageViews
{
    public Guid Id { get; set; }

    [CounterColumn]
    public long Hits { get; set; }
}

/// <summary>A row protected by a concurrency token.</summary>
public class Document
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    [ConcurrencyCheck]
    public int Version { get; set; }
}

/// <summary>Rows that expire (default TTL of the table).</summary>
public class Token
{
    public Guid Id { get; set; }

    public string Value { get; set; } = "";
}

/// <summary>A row with a string key (an oversized key makes one statement fail) and IF NOT EXISTS.</summary>
public class Note
{
    public string Id { get; set; } = "";

    public string? Text { get; set; }

    public string? Tag { get; set; }
}

/// <summary>A user-defined type.</summary>
[UserDefinedType("address")]
public class Address
{
    public string? Street { get; set; }

    public int Zip { get; set; }
}

public enum Mood
{
    Calm,
    Happy,
    Grumpy,
}

/// <summary>Every mapping Cassandra 2.1 has.</summary>
public class Everything
{
    public Guid Id { get; set; }

    public string? Text { get; set; }

    public string? Ascii { get; set; }

    public TimeUuid Stamp { get; set; }

    public DateTime At { get; set; }

    public DateTimeOffset AtOffset { get; set; }

    public bool Flag { get; set; }

    public byte[]? Blob { get; set; }

    public int Int { get; set; }

    public long Long { get; set; }

    public float Float { get; set; }

    public double Double { get; set; }

    public decimal Decimal { get; set; }

    public BigInteger Varint { get; set; }

    public IPAddress? Inet { get; set; }

    public Mood Mood { get; set; }

    public List<string>? Tags { get; set; }

    public int[]? Scores { get; set; }

    public HashSet<int>? Lucky { get; set; }

    public Dictionary<string, int>? Stock { get; set; }

    public (int, string) Pair { get; set; }

    public Address? Home { get; set; }

    public List<Address>? Previous { get; set; }
}

/// <summary>The types Cassandra 2.1 lacks: generation tests only, and EnsureCreated must refuse them on 2.1.</summary>
public class Modern
{
    public Guid Id { get; set; }

    public DateOnly Day { get; set; }

    public TimeOnly Time { get; set; }

    public CqlDuration Duration { get; set; }

    public short Small { get; set; }

    public sbyte Tiny { get; set; }

    public List<List<int>>? Nested { get; set; }
}

/// <summary>Bulk-loaded rows.</summary>
public class Bulk
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int N { get; set; }
}

/// <summary>Enums inside collections and tuples: stored as their underlying integers.</summary>
public class MoodBoard
{
    public Guid Id { get; set; }

    public List<Mood>? History { get; set; }

    public Mood[]? Week { get; set; }

    public HashSet<Mood>? Seen { get; set; }

    public Dictionary<string, Mood>? ByPerson { get; set; }

    public Dictionary<Mood, int>? Counts { get; set; }

    public (int Day, Mood Mood) Latest { get; set; }
}
