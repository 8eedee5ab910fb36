using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OkrLinker.Core.Okrs;

/// <summary>Turns the text of okrs.yaml into its one root node, with YAML errors at YamlDotNet's position.</summary>
internal static class OkrYamlDocumentReader
{
    public static YamlNode ReadRoot(string yaml, string fileName)
    {
        // The scanner is kept so its position can be reported when YamlDotNet fails without a YamlException
        // (it throws InvalidOperationException on some unclosed flow collections).
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            throw OkrLoadException.At(fileName, e.Start, null, $"invalid YAML: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw OkrLoadException.At(fileName, scanner.CurrentPosition, null,
                "invalid YAML: the file cannot be read past this point (an unclosed '[', '{' or quote?)", e);
        }

        if (stream.Documents.Count == 0)
            throw new OkrLoadException(fileName, 1, 1, null, "the file is empty; it needs a period and objectives");
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw OkrLoadException.At(fileName, second, null,
                "the file holds more than one YAML document; keep one");
        }

        return stream.Documents[0].RootNode;
    }
}
