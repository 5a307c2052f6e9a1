using Microsoft.EntityFrameworkCore;
using WebApi;

var builder = WebApplication.CreateBuilder(args);

// The connection string comes from configuration (ConnectionStrings:Cassandra, e.g. the environment variable
// ConnectionStrings__Cassandra); CASSANDRA_CONTACT_POINTS points the default one at another cluster.
var connectionString = builder.Configuration.GetConnectionString("Cassandra")
    ?? throw new InvalidOperationException("Configure ConnectionStrings:Cassandra, e.g. 'Contact Points=127.0.0.1;Keyspace=catalog'.");
if (builder.Configuration["CASSANDRA_CONTACT_POINTS"] is { Length: > 0 } contactPoints
    && builder.Configuration["ConnectionStrings__Cassandra"] is null)
{
    connectionString = new CqlConnector.CqlConnectionStringBuilder(connectionString) { ContactPoints = contactPoints }.ConnectionString;
}

// Pooled contexts: a request takes a reset context instead of building EF's services anew (README, "Performance notes").
builder.Services.AddDbContextPool<CatalogContext>(options => options.UseCassandra(connectionString));

var app = builder.Build();

// Apply the migrations in Migrations/ (keyspace, table, history): only those not applied yet; several instances
// starting at once take turns through the migrations lock.
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<CatalogContext>().Database.MigrateAsync();
}

var products = app.MapGroup("/products");

products.MapPost("/", async (ProductInput input, CatalogContext db, CancellationToken ct) =>
{
    if (string.IsNullOrWhiteSpace(input.Name))
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["A product needs a name."] });
    }

    var product = new Product
    {
        Id = Guid.NewGuid(),
        Name = input.Name,
        Price = input.Price,
        Description = input.Description,
        CreatedAt = DateTimeOffset.UtcNow,
    };
    db.Products.Add(product);
    await db.SaveChangesAsync(ct);
    return Results.Created($"/products/{product.Id}", product);
});

products.MapGet("/{id:guid}", async (Guid id, CatalogContext db, CancellationToken ct) =>
    await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } product
        ? Results.Ok(product)
        : Results.NotFound());

// Cassandra has no global ordering: this lists up to `limit` products in token order.
products.MapGet("/", async (CatalogContext db, CancellationToken ct, int limit = 20) =>
    limit is < 1 or > 1000
        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 1000."] })
        : Results.Ok(await db.Products.AsNoTracking().Take(limit).ToListAsync(ct)));

products.MapPut("/{id:guid}", async (Guid id, ProductInput input, CatalogContext db, CancellationToken ct) =>
{
    var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
    if (product is null)
    {
        return Results.NotFound();
    }

    product.Name = input.Name;
    product.Price = input.Price;
    product.Description = input.Description;
    await db.SaveChangesAsync(ct);
    return Results.Ok(product);
});

products.MapDelete("/{id:guid}", async (Guid id, CatalogContext db, CancellationToken ct) =>
{
    var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
    if (product is null)
    {
        return Results.NotFound();
    }

    db.Products.Remove(product);
    await db.SaveChangesAsync(ct);
    return Results.NoContent();
});

app.Run();

/// <summary>Exposed for tests that host the API in-process.</summary>
public partial class Program;
