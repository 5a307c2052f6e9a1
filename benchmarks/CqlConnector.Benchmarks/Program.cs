using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CqlConnector.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
