using EntityFrameworkCore.Cassandra.Metadata;

using Microsoft.EntityFrameworkCore;

namespace EntityFrameworkCore.Cassandra.FunctionalTests.TestModels.Store;

/// <summary>The acceptance model of issue 4: composite keys, statics, counters, TTL, LWT, every 2.1 type.</summary>
public class StoreContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Reading> Readings => Set<Reading>();

    public DbSet<PageViews> PageViews => Set<PageViews>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<Token> Tokens => Set<Token>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Everything> Everything => Set<Everything>();

    public DbSet<Bulk> Bulk => Set<Bulk>();

    public DbSet<MoodBoard> MoodBoards => Set<MoodBoard>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasKeyspaceReplication(CassandraReplication.SimpleStrategy(1)).HasKeyspaceDurableWrites(true);
        modelBuilder.Entity<Reading>().ToTable("readings", t => t.HasComment("sensor readings"))
            .HasGcGraceSeconds(3600)
            .HasCompaction("SizeTieredCompactionStrategy", ("min_threshold", "4"))
            .HasCaching("ALL", "NONE");
        modelBuilder.Entity<PageViews>().ToTable("page_views");
        modelBuilder.Entity<Bulk>().ToTable("bulk");
        modelBuilder.Entity<MoodBoard>().ToTable("mood_boards");
        modelBuilder.Entity<Document>().ToTable("documents");
        modelBuilder.Entity<Token>().ToTable("tokens").HasDefaultTimeToLive(TimeSpan.FromSeconds(2));
        modelBuilder.Entity<Note>(e =>
        {
            e.ToTable("notes").UseInsertIfNotExists();
            e.HasIndex(n => n.Tag);
        });
        modelBuilder.Entity<Everything>(e =>
        {
            e.ToTable("everything");
            e.Property(x => x.Ascii).IsUnicode(false);
        });
    }
}

/// <summary>A model with the types Cassandra 2.1 lacks.</summary>
public class ModernContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Modern> Modern => Set<Modern>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Modern>().ToTable("modern");
}
