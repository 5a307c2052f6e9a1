using Microsoft.EntityFrameworkCore;

namespace WebApi;

/// <summary>The sample's DbContext: one table in the keyspace named by the connection string.</summary>
public sealed class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.HasKey(p => p.Id);
            product.Property(p => p.Id).HasColumnName("id");
            product.Property(p => p.Name).HasColumnName("name");
            product.Property(p => p.Price).HasColumnName("price");
            product.Property(p => p.Description).HasColumnName("description");
            product.Property(p => p.CreatedAt).HasColumnName("created_at");
        });
    }
}
