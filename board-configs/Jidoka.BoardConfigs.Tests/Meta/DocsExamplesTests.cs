using System;
using System.IO;
using System.Linq;
using System.Text;
using Jidoka.BoardConfigs.Loading;
using Jidoka.Boards.Logic.Force;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Boards.Logic.Store;
using Jidoka.Boards.Logic.Vision;
using Jidoka.Node.Comms;
using Jidoka.Node.Store;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>
/// The examples docs/boards.md shows a technician are run through the code that handles them: the status
/// JSON through the protocol's decoder, the last will against <see cref="LastWill"/>, the vision lines
/// through the node's parser, and the numbers quoted for the HX711, the store and node ids against the
/// code that produces them.
/// </summary>
[Trait("Category", "Meta")]
public sealed class DocsExamplesTests
{
    private static string[] DocLines() => File.ReadAllLines(Path.Combine(Repository.Root(), "docs", "boards.md"));

    private static string Doc() => File.ReadAllText(Path.Combine(Repository.Root(), "docs", "boards.md"));

    [Fact]
    public void Every_status_example_decodes_and_matches_the_esp32_board()
    {
        string[] examples = DocLines().Where(l => l.StartsWith("{\"v\":1,", StringComparison.Ordinal)).ToArray();
        Assert.True(examples.Length >= 3, "expected the armed, tripped and last-will examples");
        BoardLoadResult esp32 = Repository.Loader.Load(Repository.BoardFile("esp32-devkitc"));
        Assert.True(esp32.Succeeded, esp32.Describe());
        string hash = esp32.Definition.ToPolicyRecord().ComputeHash().ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

        foreach (string example in examples)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(example);
            var status = new StatusMessage();
            DecodeResult result = status.TryDecode(bytes, 0, bytes.Length);
            Assert.True(result.IsAccepted, $"{result.Reason} {result.Field}: {example}");
            if (status.Online)
            {
                Assert.Equal("esp32-devkitc", status.Board);
                Assert.Equal(FirmwareInfo.Version, status.FirmwareVersion);
                Assert.Contains($"\"policyHash\":\"{hash}\"", example, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(LastWill.PayloadText(status.CellId, status.NodeId), example);
            }
        }
    }

    [Fact]
    public void Every_vision_line_example_is_accepted_by_the_node_parser()
    {
        string[] lines = DocLines().Where(l => l.StartsWith("C,", StringComparison.Ordinal) && !l.StartsWith("C,<", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length >= 4);
        foreach (string line in lines)
        {
            var parser = new VisionLineParser();
            VisionLineResult result = VisionLineResult.Incomplete;
            foreach (byte b in Encoding.ASCII.GetBytes(line + "\r\n"))
            {
                VisionLineResult r = parser.Push(b);
                if (r != VisionLineResult.Incomplete)
                {
                    result = r;
                }
            }

            Assert.True(result == VisionLineResult.Accepted, $"{line}: {result}");
        }
    }

    [Fact]
    public void Quoted_numbers_match_the_code()
    {
        string doc = Doc();
        var pattern = new byte[Hx711Protocol.ReadFrameBytes];
        Hx711Protocol.FillReadPattern(pattern, Hx711Protocol.PulsesForGain(128));
        Assert.Contains($"`{string.Join(" ", pattern.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)))}`", doc, StringComparison.Ordinal);
        Assert.Contains($"{NodeConfigBuilder.StoreSlotCount} slots of at most {StoreLayout.SlotSizeBytesMin + SlotFileFormat.OverheadBytes} bytes for a {NodeConfigBuilder.JournalCapacity}-event", doc, StringComparison.Ordinal);
        Assert.Contains($"more than {VisionLineParser.LineBytesMax} bytes before the LF", doc, StringComparison.Ordinal);
        Assert.Contains("`esp32-a1b2c3` for MAC `…:A1:B2:C3`", doc, StringComparison.Ordinal);
        Assert.Equal("esp32-a1b2c3", NodeIdentity.FromMac("esp32", [0x24, 0x0A, 0xC4, 0xA1, 0xB2, 0xC3]));
    }
}
