using System.Globalization;
using Aro.Cli;
using Aro.Core.IO;

// A child process for robustness tests, one behaviour per first argument:
//   atomic-write <path> <megabytes>  writes a file through AtomicFile over and over, alternating two contents, until
//                                    killed (the test kills it with SIGKILL and checks the file is always whole);
//   hold-folder-lock <folder>        takes a FolderLock on the folder, says "locked", and holds it until killed or
//                                    until its standard input closes;
//   blocked-read <fifo>              installs aro's StopSignals and blocks reading a FIFO nobody writes to, as a
//                                    command stuck in a read the operating system does not return from.
switch (args)
{
    case ["atomic-write", var path, var megabytes]:
        var size = int.Parse(megabytes, CultureInfo.InvariantCulture) * 1024 * 1024;
        var versions = new[] { Aro.TestProbe.AtomicWriteContent.Make('A', size), Aro.TestProbe.AtomicWriteContent.Make('B', size) };
        Ready("ready");
        for (var i = 0; ; i++)
        {
            var content = versions[i % 2];
            AtomicFile.Write(path, stream => stream.Write(content));
        }

    case ["hold-folder-lock", var folder]:
        using (FolderLock.Acquire(folder, "the test probe"))
        {
            Ready("locked");
            Console.In.ReadToEnd();
        }

        return 0;

    case ["blocked-read", var fifo]:
        using (var signals = new StopSignals(Console.Error))
        {
            Ready("blocking");
            using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Read);
            stream.ReadByte();
            return signals.Token.IsCancellationRequested ? 130 : 0;
        }

    default:
        Console.Error.WriteLine("usage: Aro.TestProbe atomic-write <path> <megabytes> | hold-folder-lock <folder> | blocked-read <fifo>");
        return 2;
}

static void Ready(string word)
{
    Console.Out.WriteLine(word);
    Console.Out.Flush();
}
