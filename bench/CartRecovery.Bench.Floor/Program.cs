using CartRecovery.Bench.Floor;

// Standalone: dotnet run -c Release --project bench/CartRecovery.Bench.Floor -- --urls http://127.0.0.1:5099
// (the load driver, bench/CartRecovery.Bench.Http, starts it itself on a free port in the same run as the host).
await FloorApp.Build(args).RunAsync();
