namespace EntityFrameworkCore.Cassandra.FunctionalTests.TestModels;

public class Person
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int Age { get; set; }

    public string? Nickname { get; set; }

    public long Visits { get; set; }

    public bool Active { get; set; }

    public double Score { get; set; }

    public decimal Balance { get; set; }

    public DateTime CreatedAt { get; set; }

    public byte[]? Photo { get; set; }
}
