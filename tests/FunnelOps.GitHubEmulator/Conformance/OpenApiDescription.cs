using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FunnelOps.GitHubEmulator.Conformance;

/// <summary>
/// GitHub's published OpenAPI 3.0 description, read once per process, turned operation by operation into JSON
/// Schema (2020-12) that responses are evaluated against. OpenAPI 3.0 differs from JSON Schema in a few places that
/// matter here: <c>nullable: true</c> becomes a <c>null</c> type, <c>#/components/schemas/X</c> references become
/// <c>$defs</c> of the generated schema, and OpenAPI-only keywords (<c>example</c>, <c>discriminator</c>, …) are
/// dropped. Formats are checked for <c>date-time</c>, <c>uri</c> and <c>email</c> only.
/// </summary>
internal sealed class OpenApiDescription
{
    /// <summary>The description file inside the pinned npm package.</summary>
    public const string RelativePath =
        "tests/FunnelOps.GitHubEmulator/openapi/node_modules/@octokit/openapi/generated/ghes-3.19.json";

    private static readonly ConcurrentDictionary<string, Lazy<OpenApiDescription>> Loaded = new(StringComparer.Ordinal);
    private static readonly HashSet<string> DroppedKeywords =
        ["nullable", "example", "examples", "discriminator", "xml", "externalDocs", "deprecated"];

    private static readonly HashSet<string> CheckedFormats = ["date-time", "uri", "email"];

    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private readonly JsonObject _paths;
    private readonly JsonObject _schemas;
    private readonly JsonObject _responses;
    private readonly ConcurrentDictionary<string, JsonSchema?> _compiled = new(StringComparer.Ordinal);

    private OpenApiDescription(string path, JsonObject document)
    {
        Path = path;
        _paths = document["paths"]!.AsObject();
        _schemas = document["components"]!["schemas"]!.AsObject();
        _responses = document["components"]!["responses"]!.AsObject();
    }

    /// <summary>The file the description was read from.</summary>
    public string Path { get; }

    /// <summary>Reads (once per process) the description at <paramref name="path"/>, or the pinned one.</summary>
    public static OpenApiDescription Load(string? path)
    {
        var file = path ?? Locate();
        return Loaded.GetOrAdd(file, f => new Lazy<OpenApiDescription>(() => Read(f))).Value;
    }

    /// <summary>
    /// Checks a response body against the schema GitHub documents for the operation and status. A status the
    /// operation does not document is checked against GitHub's generic error shape when it is an error, and is a
    /// violation when it is a success.
    /// </summary>
    public IReadOnlyList<ConformanceViolation> Validate(string method, string template, int status, JsonNode? body)
    {
        var operation = $"{method} {template} → {status}";
        if (_paths[template]?[method.ToLowerInvariant()] is not JsonObject op)
        {
            return [new ConformanceViolation(operation, "", "GitHub's description has no such operation.")];
        }

        var key = $"{method} {template} {status}";
        if (!_compiled.TryGetValue(key, out var schema))
        {
            var response = ResolveResponse(op["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                ?? op["responses"]?["default"]);
            if (response is null && status < 400)
            {
                return [new ConformanceViolation(operation, "", "GitHub does not document this status for the operation.")];
            }

            var schemaNode = response is null
                ? new JsonObject { ["$ref"] = "#/components/schemas/basic-error" }
                : response["content"]?["application/json"]?["schema"]
                    ?? response["content"]?["application/scim+json"]?["schema"];
            schema = schemaNode is null ? null : Compile(schemaNode, key);
            _compiled[key] = schema;
        }

        if (schema is null)
        {
            return body is null
                ? []
                : [new ConformanceViolation(operation, "", "GitHub documents no body for this status, but one was sent.")];
        }

        if (body is null)
        {
            return [new ConformanceViolation(operation, "", "GitHub documents a JSON body for this status; none was sent.")];
        }

        var results = schema.Evaluate(JsonSerializer.SerializeToElement(body), Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new ConformanceViolation(
                operation, d.InstanceLocation.ToString(), $"{e.Value} (schema {d.EvaluationPath})")))
            .DistinctBy(v => v.InstanceLocation + v.Message)];
    }

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "FunnelOps.sln")))
            {
                var file = System.IO.Path.Combine(folder.FullName, RelativePath);
                return File.Exists(file)
                    ? file
                    : throw new OpenApiConformanceException(
                        $"GitHub's OpenAPI description is missing at {file}: the emulator checks every response against "
                        + "it. Run 'npm ci --prefix tests/FunnelOps.GitHubEmulator/openapi' from the repository root, "
                        + "then run the tests again.");
            }
        }

        throw new OpenApiConformanceException(
            $"Cannot find the repository root (FunnelOps.sln) above {AppContext.BaseDirectory}, so GitHub's OpenAPI "
            + "description cannot be found. Run the tests from the repository, after 'npm ci --prefix "
            + "tests/FunnelOps.GitHubEmulator/openapi'.");
    }

    private static OpenApiDescription Read(string file)
    {
        using var stream = File.OpenRead(file);
        var document = JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })
            as JsonObject ?? throw new OpenApiConformanceException($"{file} is not an OpenAPI description (no JSON object).");
        return new OpenApiDescription(file, document);
    }

    private JsonNode? ResolveResponse(JsonNode? response)
    {
        const string prefix = "#/components/responses/";
        return response?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(prefix, StringComparison.Ordinal)
            ? _responses[reference[prefix.Length..]]
            : response;
    }

    private JsonSchema Compile(JsonNode schema, string key)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var root = Convert(schema, referenced).AsObject();
        var definitions = new JsonObject();
        var pending = new Queue<string>(referenced);
        while (pending.TryDequeue(out var name))
        {
            if (definitions.ContainsKey(name))
            {
                continue;
            }

            var found = new HashSet<string>(StringComparer.Ordinal);
            definitions[name] = Convert(_schemas[name] ?? new JsonObject(), found);
            foreach (var next in found.Where(n => !definitions.ContainsKey(n)))
            {
                pending.Enqueue(next);
            }
        }

        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = definitions,
            ["allOf"] = new JsonArray(root),
        };
        var id = new Uri($"https://openapi.emulator.invalid/{Uri.EscapeDataString(key)}");
        return JsonSchema.Build(JsonSerializer.SerializeToElement(document),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    private static JsonNode Convert(JsonNode node, HashSet<string> referenced)
    {
        if (node is not JsonObject source)
        {
            return node.DeepClone();
        }

        if (source["$ref"]?.GetValue<string>() is { } reference)
        {
            const string prefix = "#/components/schemas/";
            var target = reference.StartsWith(prefix, StringComparison.Ordinal) ? reference[prefix.Length..] : reference;
            referenced.Add(target.Split('/')[0]);
            return Nullable(source, new JsonObject { ["$ref"] = "#/$defs/" + target });
        }

        var result = new JsonObject();
        foreach (var (name, value) in source)
        {
            if (value is null || DroppedKeywords.Contains(name) || name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            result[name] = name switch
            {
                "properties" or "patternProperties" => new JsonObject(value.AsObject()
                    .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Convert(p.Value, referenced)))),
                "items" or "additionalProperties" or "not" => Convert(value, referenced),
                "allOf" or "anyOf" or "oneOf" => new JsonArray([.. value.AsArray().Select(s => s is null ? null : Convert(s, referenced))]),
                "format" when !CheckedFormats.Contains(value.GetValue<string>()) => null,
                _ => value.DeepClone(),
            };
            if (result[name] is null)
            {
                result.Remove(name);
            }
        }

        return Nullable(source, result);
    }

    private static JsonNode Nullable(JsonObject source, JsonObject converted)
    {
        if (source["nullable"]?.GetValueKind() != JsonValueKind.True)
        {
            return converted;
        }

        if (converted["type"] is JsonValue type && type.TryGetValue<string>(out var single))
        {
            converted["type"] = new JsonArray(single, "null");
            if (converted["enum"] is JsonArray values && !values.Any(v => v is null))
            {
                values.Add(null);
            }

            return converted;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(converted, new JsonObject { ["type"] = "null" }) };
    }
}
