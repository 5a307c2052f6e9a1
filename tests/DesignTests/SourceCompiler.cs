using System.Reflection;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace EntityFrameworkCore.Cassandra.Design.Tests;

/// <summary>
/// Compiles generated C# (snapshots, migrations, scaffolded contexts) in memory against the framework and every assembly
/// the tests have loaded, and loads it, so a test proves the generated code compiles and behaves.
/// </summary>
internal static class SourceCompiler
{
    public static Assembly Compile(string assemblyName, params (string Code, string? Path)[] files)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Code, path: f.Path ?? "")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(image.ToArray());
    }

    /// <summary>Compiles <paramref name="source"/> and creates its one type deriving from <typeparamref name="T"/>.</summary>
    public static T CompileOne<T>(string assemblyName, string source)
        => (T)Activator.CreateInstance(Compile(assemblyName, (source, null)).GetTypes().Single(t => typeof(T).IsAssignableFrom(t)))!;
}
