using Aro.Core.IO;

// A child process for robustness tests: it writes a file through AtomicFile over and over, alternating two
// contents, until it is killed. The test kills it with SIGKILL at arbitrary moments and checks the file is always
// one complete version or the other.
if (args.Length != 3 || args[0] != "atomic-write")
{
    Console.Error.WriteLine("usage: Aro.TestProbe atomic-write <path> <megabytes>");
    return 2;
}

var path = args[1];
var size = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024;
var versions = new[] { Aro.TestProbe.AtomicWriteContent.Make('A', size), Aro.TestProbe.AtomicWriteContent.Make('B', size) };
Console.Out.WriteLine("ready");
Console.Out.Flush();
for (var i = 0; ; i++)
{
    var content = versions[i % 2];
    AtomicFile.Write(path, stream => stream.Write(content));
}
