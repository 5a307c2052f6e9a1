namespace EntityFrameworkCore.Cassandra.FunctionalTests.Query;

/// <summary>
/// A sensor reading: partition (Sensor, Day), clustering At ASC then Seq DESC, an indexed Unit, an indexed set of
/// tags, a map of counts, and plain regular columns.
/// </summary>
public class Reading
{
    public string Sensor { get; set; } = "";

    public int Day { get; set; }

    public int At { get; set; }

    public int Seq { get; set; }

    public double Value { get; set; }

    public string? Unit { get; set; }

    public string? Note { get; set; }

    public bool Valid { get; set; }

    public HashSet<string> Tags { get; set; } = [];

    public Dictionary<string, int> Counts { get; set; } = [];
}
