// Skipped tests print their reason in `dotnet test`'s default output (see SkipReasonTestFramework).
[assembly: Xunit.TestFramework("Aro.TestSupport.SkipReasonTestFramework", "Aro.TestSupport")]
