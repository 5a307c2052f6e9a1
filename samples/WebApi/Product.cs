namespace WebApi;

/// <summary>A product of the catalogue, stored in the Cassandra table "products" (partition key: Id).</summary>
public sealed class Product
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public decimal Price { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a client sends to create or replace a product.</summary>
public sealed record ProductInput(string Name, decimal Price, string? Description);
