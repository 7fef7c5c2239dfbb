namespace Aro.TestProbe;

/// <summary>The two file versions the probe alternates between: a letter repeated, ending in a newline.</summary>
public static class AtomicWriteContent
{
    public static byte[] Make(char letter, int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)letter);
        bytes[^1] = (byte)'\n';
        return bytes;
    }
}
