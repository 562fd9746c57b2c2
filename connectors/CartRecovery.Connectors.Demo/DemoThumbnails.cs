using System.Collections.Concurrent;
using System.Globalization;

namespace CartRecovery.Connectors.Demo;

/// <summary>
/// The products' thumbnails: a tile in the product's colour with its white shape, drawn once per product as a PNG
/// (emails show it in Gmail and Outlook, which drop SVG images).
/// </summary>
public static class DemoThumbnails
{
    /// <summary>Thumbnails are square, this many pixels a side (shown at 48–240 px, sharp on 2× screens up to 120).</summary>
    public const int Size = 240;

    private const int Samples = 4;

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    /// <summary>The PNG of a product's tile.</summary>
    public static byte[] Png(DemoProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return Cache.GetOrAdd(product.Handle, _ => Draw(product));
    }

    private static byte[] Draw(DemoProduct product)
    {
        var (r, g, b) = Rgb(product.Colour);
        var pixels = new byte[Size * Size * 3];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                // Four by four samples per pixel smooth the shape's edges (diagonals would show steps otherwise).
                var covered = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        // Coordinates from -1 to 1 around the tile's centre; the shape covers the middle half.
                        var u = (x + (sx + 0.5) / Samples) / Size * 2 - 1;
                        var v = (y + (sy + 0.5) / Samples) / Size * 2 - 1;
                        covered += Inside(product.Shape, u, v) ? 1 : 0;
                    }
                }
                var white = covered / (double)(Samples * Samples);
                // A slightly lighter floor band under the shape gives the tile some depth.
                var floor = (y + 0.5) / Size * 2 - 1 > 0.62;
                var i = (y * Size + x) * 3;
                pixels[i] = Blend(Lighten(r, floor), white);
                pixels[i + 1] = Blend(Lighten(g, floor), white);
                pixels[i + 2] = Blend(Lighten(b, floor), white);
            }
        }
        return DemoPng.Encode(Size, Size, pixels);
    }

    private static bool Inside(DemoShape shape, double u, double v) => shape switch
    {
        DemoShape.Mountain => v < 0.45 && v > -0.45 && Math.Abs(u) < (v + 0.45) * 0.75,
        DemoShape.Square => Math.Abs(u) < 0.38 && Math.Abs(v) < 0.38,
        DemoShape.Circle => u * u + v * v < 0.42 * 0.42,
        DemoShape.Diamond => Math.Abs(u) + Math.Abs(v) < 0.5,
        DemoShape.Bars => Math.Abs(v) < 0.42 && (Math.Abs(u) < 0.08 || Math.Abs(Math.Abs(u) - 0.28) < 0.08),
        DemoShape.Tall => Math.Abs(u) < 0.2 && Math.Abs(v) < 0.45,
        DemoShape.Arch => (Math.Abs(u) < 0.32 && v > -0.1 && v < 0.45) || u * u + (v + 0.1) * (v + 0.1) < 0.32 * 0.32,
        _ => false,
    };

    private static byte Blend(byte channel, double white) => (byte)Math.Round(channel + (255 - channel) * white);

    private static byte Lighten(byte channel, bool floor) => floor ? (byte)(channel + (255 - channel) / 6) : channel;

    private static (byte R, byte G, byte B) Rgb(string colour)
    {
        var hex = colour.TrimStart('#');
        return (Parse(hex[..2]), Parse(hex[2..4]), Parse(hex[4..6]));
        static byte Parse(string pair) => byte.Parse(pair, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
